package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/slamath/slamath/internal/jsonkey"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/openslo"
)

// counts is the JSON document of counts.
type counts struct {
	At   time.Time
	SLOs map[string]sloCounts
}

// sloCounts are the counts of one SLO.
type sloCounts struct {
	Events  *pair
	Slices  *pair
	Windows map[string]pair
}

// pair is good of total, read as exact integers.
type pair struct {
	Good  uint64 `json:"good"`
	Total uint64 `json:"total"`
}

func (p pair) ratio() (sla.Ratio, error) { return sla.NewRatio(p.Good, p.Total) }

// The levels of the counts document as it is decoded, one object at a
// time, so that every object, struct or map, is checked for keys given
// twice.
type (
	countsDoc struct {
		At   time.Time       `json:"at"`
		SLOs json.RawMessage `json:"slos"`
	}
	sloDoc struct {
		Events  json.RawMessage `json:"events"`
		Slices  json.RawMessage `json:"slices"`
		Windows json.RawMessage `json:"windows"`
	}
)

// parseCounts reads the counts strictly: unknown fields, trailing data
// and keys given twice are errors, and so is a window key that is not a
// duration.
func parseCounts(data []byte) (counts, error) {
	var c counts
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return c, err
	}
	if dec.More() {
		return c, errors.New("data after the counts document")
	}
	var doc countsDoc
	if err := decodeObject("", raw, &doc); err != nil {
		return c, err
	}
	c.At = doc.At
	byName, err := parseMap("slos", doc.SLOs)
	if err != nil {
		return c, err
	}
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		s, err := parseSLOCounts("slos."+name, byName[name])
		if err != nil {
			return c, err
		}
		if c.SLOs == nil {
			c.SLOs = make(map[string]sloCounts, len(byName))
		}
		c.SLOs[name] = s
	}
	return c, nil
}

// parseMap reads an object of named values, or nothing from an absent or
// null value.
func parseMap(path string, raw json.RawMessage) (map[string]json.RawMessage, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var m map[string]json.RawMessage
	err := decodeObject(path, raw, &m)
	return m, err
}

func parseSLOCounts(path string, raw json.RawMessage) (sloCounts, error) {
	var s sloCounts
	var doc sloDoc
	if err := decodeObject(path, raw, &doc); err != nil {
		return s, err
	}
	var err error
	if s.Events, err = parsePair(path+".events", doc.Events); err != nil {
		return s, err
	}
	if s.Slices, err = parsePair(path+".slices", doc.Slices); err != nil {
		return s, err
	}
	windows, err := parseMap(path+".windows", doc.Windows)
	if err != nil {
		return s, err
	}
	for _, key := range slices.Sorted(maps.Keys(windows)) {
		wp := path + ".windows." + key
		if _, err := windowLength(key); err != nil {
			return s, fmt.Errorf("%s: %w", wp, err)
		}
		p, err := parsePair(wp, windows[key])
		if err != nil {
			return s, err
		}
		if p == nil {
			return s, fmt.Errorf("%s: want good and total, not null", wp)
		}
		if s.Windows == nil {
			s.Windows = make(map[string]pair, len(windows))
		}
		s.Windows[key] = *p
	}
	return s, nil
}

// parsePair reads good and total, or nothing from an absent or null
// value.
func parsePair(path string, raw json.RawMessage) (*pair, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var p pair
	if err := decodeObject(path, raw, &p); err != nil {
		return nil, err
	}
	if p.Good > p.Total {
		return nil, fmt.Errorf("%s: good %d exceeds total %d", path, p.Good, p.Total)
	}
	return &p, nil
}

// decodeObject decodes the JSON object raw, found at path, into v, a
// struct or a map, refusing unknown fields and keys given twice — keys
// that encoding/json would read into one field or map entry, the last
// winning — as sla/contract does.
func decodeObject(path string, raw json.RawMessage, v any) error {
	if d, dup := jsonkey.FindTop(raw, jsonkey.ModeOf(v)); dup {
		return fmt.Errorf("%s: %q is given twice", join(path, d.Path), d.Key)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if path == "" {
			return err
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// join returns path.key, or key at the top.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
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
