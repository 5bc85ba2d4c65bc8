package oneoff

import (
	"strings"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/internal/jsonkey"
)

// ReadDate reads the "YYYY-MM-DD" string at path, as both holiday files
// write a date; a text that is not a date is an error of r at path.
func ReadDate(r *jsonkey.Reader, path string) (calendar.Date, error) {
	s, err := r.String(path, false)
	if err != nil {
		return calendar.Date{}, err
	}
	d, err := calendar.ParseDate(s)
	if err != nil {
		return calendar.Date{}, r.Failf(path, "%v", strings.TrimPrefix(err.Error(), "calendar: "))
	}
	return d, nil
}
