package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/openslo"
)

// counts is the JSON document of counts.
type counts struct {
	At   time.Time            `json:"at"`
	SLOs map[string]sloCounts `json:"slos"`
}

// sloCounts are the counts of one SLO.
type sloCounts struct {
	Events  *pair           `json:"events"`
	Slices  *pair           `json:"slices"`
	Windows map[string]pair `json:"windows"`
}

// pair is good of total, read as exact integers.
type pair struct {
	Good  uint64 `json:"good"`
	Total uint64 `json:"total"`
}

func (p pair) ratio() (sla.Ratio, error) { return sla.NewRatio(p.Good, p.Total) }

// parseCounts reads the counts strictly: unknown fields and trailing data
// are errors, and so is a window key that is not a duration.
func parseCounts(data []byte) (counts, error) {
	var c counts
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return c, err
	}
	if dec.More() {
		return c, errors.New("data after the counts document")
	}
	for _, name := range slices.Sorted(maps.Keys(c.SLOs)) {
		s := c.SLOs[name]
		for _, key := range slices.Sorted(maps.Keys(s.Windows)) {
			p := s.Windows[key]
			if _, err := windowLength(key); err != nil {
				return c, fmt.Errorf("slos.%s.windows.%s: %w", name, key, err)
			}
			if p.Good > p.Total {
				return c, fmt.Errorf("slos.%s.windows.%s: good %d exceeds total %d", name, key, p.Good, p.Total)
			}
		}
		if p := s.Events; p != nil && p.Good > p.Total {
			return c, fmt.Errorf("slos.%s.events: good %d exceeds total %d", name, p.Good, p.Total)
		}
		if p := s.Slices; p != nil && p.Good > p.Total {
			return c, fmt.Errorf("slos.%s.slices: good %d exceeds total %d", name, p.Good, p.Total)
		}
	}
	return c, nil
}

// windowLength reads a window key: a duration shorthand of fixed length
// (5m, 1h, 1d) or a Go duration (90s).
func windowLength(key string) (time.Duration, error) {
	if d, err := openslo.ParseDuration(key); err == nil {
		if n, ok := d.Fixed(); ok && n > 0 {
			return n, nil
		}
	}
	d, err := time.ParseDuration(key)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a window length such as 5m, 1h or 1d", key)
	}
	return d, nil
}

// windows returns the counts of an SLO by window length.
func (s sloCounts) windows() map[time.Duration]pair {
	out := make(map[time.Duration]pair, len(s.Windows))
	for key, p := range s.Windows {
		d, _ := windowLength(key) // checked by parseCounts
		out[d] = p
	}
	return out
}
