package prom

import (
	"fmt"
	"time"

	"github.com/slamath/slamath/sla/prom/internal/promtext"
)

// promDuration returns d in Prometheus's duration syntax (promtext.Duration),
// or an error naming d when it is not positive or not whole milliseconds.
func promDuration(d time.Duration) (string, error) {
	s, err := promtext.Duration(d)
	if err != nil {
		return "", fmt.Errorf("prom: %w", err)
	}
	return s, nil
}
