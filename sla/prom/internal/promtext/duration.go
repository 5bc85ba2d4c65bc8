package promtext

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Duration returns d in Prometheus's duration syntax with the largest
// units first: 5m, 1h, 1d, 3d, 59m30s. Prometheus reads "d" as exactly 24
// hours. d must be positive and a whole number of milliseconds,
// Prometheus's resolution.
func Duration(d time.Duration) (string, error) {
	if d <= 0 || d%time.Millisecond != 0 {
		return "", fmt.Errorf("duration %v: want a positive whole number of milliseconds", d)
	}
	var b strings.Builder
	for _, u := range []struct {
		unit time.Duration
		name string
	}{
		{24 * time.Hour, "d"}, {time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}, {time.Millisecond, "ms"},
	} {
		if n := d / u.unit; n > 0 {
			b.WriteString(strconv.FormatInt(int64(n), 10))
			b.WriteString(u.name)
			d -= n * u.unit
		}
	}
	return b.String(), nil
}
