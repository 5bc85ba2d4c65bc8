package window_test

import (
	"errors"
	"math/big"
	"regexp"
	"strings"
	"time"

	"testing"

	"github.com/slamath/slamath/window"
)

func FuzzParseInterval(f *testing.F) {
	for _, seed := range []string{
		"2026-03-01T00:00:00Z/2026-04-01T00:00:00Z",
		"2026-03-01T09:00:00+05:30/PT4H30M",
		"2026-03-01T09:00:00Z/P1Y2M3W4DT5H6M7.125S",
		"2026-03-01T09:00:00Z/90m",
		"2026-03-01T09:00:00.123456789-07:00/2026-03-01T10:00:00Z",
		"/", "P", "2026-03-01T09:00:00Z/P", "9999-12-31T23:59:59Z/PT1S",
		"9999-01-01T00:00:00Z/P365D", "9999-12-01T00:00:00-12:00/P31D", "0000-12-31T19:00:00-05:00/PT1H",
		"9999-12-31T12:00:00Z/9999-12-31T23:00:01-13:00", "9999-12-31T00:00:00Z/10000-01-01T00:00:00Z",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iv, err := window.ParseInterval(s)
		if err != nil {
			return
		}
		if iv.End.Before(iv.Start) {
			t.Fatalf("ParseInterval(%q) = %v: end before start", s, iv)
		}
		text := iv.String()
		back, err := window.ParseInterval(text)
		if err != nil {
			t.Fatalf("ParseInterval(%q).String() = %q does not parse: %v", s, text, err)
		}
		if !back.Start.Equal(iv.Start) || !back.End.Equal(iv.End) || back.String() != text {
			t.Fatalf("round trip of %q: %v then %v", s, iv, back)
		}
	})
}

// FuzzIntervalText writes intervals built from any instants and offsets,
// offsets with seconds included, and reads them back: MarshalText fails
// only with ErrYearRange, and otherwise ParseInterval gives the same
// instants and the text writes itself again unchanged.
func FuzzIntervalText(f *testing.F) {
	f.Add(int64(253370764800), int32(0), int32(0), int64(31536000), int32(0), int32(0))                  // the year 9999
	f.Add(int64(253400000000), int32(5), int32(-43200), int64(2345678), int32(999999999), int32(-43200)) // to the last end
	f.Add(int64(-3781710238), int32(0), int32(-17762), int64(2678400), int32(0), int32(-17762))          // New York, March 1850
	f.Add(int64(-62135596800), int32(0), int32(50400), int64(1), int32(0), int32(1172))
	f.Fuzz(func(t *testing.T, startSec int64, startNsec, startOff int32, length int64, lengthNsec, endOff int32) {
		if startNsec < 0 || lengthNsec < 0 || length < 0 || length > 1<<40 {
			return
		}
		zone := func(off int32) *time.Location { return time.FixedZone("", int(off%(18*3600))) }
		start := time.Unix(startSec, int64(startNsec%1e9)).In(zone(startOff))
		end := time.Unix(startSec+length, int64(startNsec%1e9)+int64(lengthNsec%1e9)).In(zone(endOff))
		iv := window.Between(start, end)
		text, err := iv.MarshalText()
		if err != nil {
			if !errors.Is(err, window.ErrYearRange) {
				t.Fatalf("MarshalText(%v): %v does not wrap ErrYearRange", iv, err)
			}
			return
		}
		back, err := window.ParseInterval(string(text))
		if err != nil {
			t.Fatalf("%v wrote %s, which does not parse: %v", iv, text, err)
		}
		if !back.Start.Equal(iv.Start) || !back.End.Equal(iv.End) {
			t.Fatalf("%v wrote %s, read back as %v", iv, text, back)
		}
		if again := back.String(); again != string(text) {
			t.Fatalf("%v wrote %s, then %s", iv, text, again)
		}
	})
}

// decodeSet turns fuzz bytes into a set on a small time line: each pair of
// bytes is an interval [a, a+b-8) in seconds, so some are empty or backwards.
func decodeSet(data []byte) window.Set {
	var ivs []window.Interval
	for i := 0; i+1 < len(data); i += 2 {
		a := int(data[i])
		ivs = append(ivs, iv(a, a+int(data[i+1]%64)-8))
	}
	return window.NewSet(ivs...)
}

func FuzzSetLaws(f *testing.F) {
	f.Add([]byte{0, 10, 5, 20}, []byte{3, 30}, uint8(2), uint8(40))
	f.Add([]byte{}, []byte{1, 1}, uint8(0), uint8(0))
	f.Fuzz(func(t *testing.T, da, db []byte, w0, wl uint8) {
		a, b := decodeSet(da), decodeSet(db)
		within := iv(int(w0), int(w0)+int(wl))
		union, inter := a.Union(b), a.Intersect(b)
		for _, x := range []window.Set{a, b, union, inter, a.Subtract(b), a.Complement(within), a.Clip(within)} {
			ivs := x.Intervals()
			for i, m := range ivs {
				if !m.Start.Before(m.End) || (i > 0 && !ivs[i-1].End.Before(m.Start)) {
					t.Fatalf("not normalized: %v", x)
				}
			}
		}
		if !union.Equal(b.Union(a)) || !inter.Equal(b.Intersect(a)) {
			t.Fatalf("union or intersection is not commutative for %v and %v", a, b)
		}
		if a.Duration()+b.Duration() != union.Duration()+inter.Duration() {
			t.Fatalf("|A∪B| + |A∩B| != |A| + |B| for %v and %v", a, b)
		}
		// A = (A − B) ∪ (A ∩ B), and the two parts are disjoint.
		diff := a.Subtract(b)
		if !diff.Union(inter).Equal(a) || !diff.Intersect(inter).IsEmpty() {
			t.Fatalf("A − B and A ∩ B do not partition A for %v and %v", a, b)
		}
		// De Morgan within an interval: W − (A ∪ B) = (W − A) ∩ (W − B).
		if !union.Complement(within).Equal(a.Complement(within).Intersect(b.Complement(within))) {
			t.Fatalf("De Morgan fails for %v, %v within %v", a, b, within)
		}
		if a.Clip(within).Duration() != a.DurationIn(within) {
			t.Fatalf("DurationIn disagrees with Clip for %v within %v", a, within)
		}
		// Contains agrees with membership at every second of the line.
		for i := -10; i < 330; i++ {
			at := s(i)
			if union.Contains(at) != (a.Contains(at) || b.Contains(at)) {
				t.Fatalf("Contains(%v) on the union disagrees", at)
			}
			if inter.Contains(at) != (a.Contains(at) && b.Contains(at)) {
				t.Fatalf("Contains(%v) on the intersection disagrees", at)
			}
		}
	})
}

// isoDurationPattern is the ISO 8601 duration grammar that ParseInterval
// documents, as a regular expression: a second reading of the same rules,
// written apart from the parser.
var isoDurationPattern = regexp.MustCompile(`^P(?:([0-9]+(?:[.,][0-9]+)?)Y)?(?:([0-9]+(?:[.,][0-9]+)?)M)?(?:([0-9]+(?:[.,][0-9]+)?)W)?(?:([0-9]+(?:[.,][0-9]+)?)D)?(?:T(?:([0-9]+(?:[.,][0-9]+)?)H)?(?:([0-9]+(?:[.,][0-9]+)?)M)?(?:([0-9]+(?:[.,][0-9]+)?)S)?)?$`)

// referenceISOEnd adds the ISO 8601 duration d to start the slow way, with
// exact rationals and a clamp found by stepping back a day at a time. ok
// is false for a text the documented grammar refuses or an end past the
// last the package allows.
func referenceISOEnd(start time.Time, d string) (end time.Time, ok bool) {
	m := isoDurationPattern.FindStringSubmatch(d)
	if m == nil || strings.HasSuffix(d, "T") || d == "P" {
		return time.Time{}, false
	}
	// Seconds per unit of Y, M, W, D, H, M, S; 0 for the calendar units.
	perUnit := []int64{0, 0, 7 * 86400, 86400, 3600, 60, 1}
	months, secs := new(big.Rat), new(big.Rat)
	last := -1
	for i, g := range m[1:] {
		if g != "" {
			last = i
		}
	}
	for i, g := range m[1:] {
		if g == "" {
			continue
		}
		v, okRat := new(big.Rat).SetString(strings.Replace(g, ",", ".", 1))
		if !okRat {
			return time.Time{}, false
		}
		if strings.ContainsAny(g, ".,") && (i != last || i < 2) {
			return time.Time{}, false // a fraction only on the last, and never on Y or M
		}
		switch i {
		case 0:
			months.Add(months, new(big.Rat).Mul(v, big.NewRat(12, 1)))
		case 1:
			months.Add(months, v)
		default:
			secs.Add(secs, new(big.Rat).Mul(v, big.NewRat(perUnit[i], 1)))
		}
	}
	nanos := new(big.Rat).Mul(secs, big.NewRat(1e9, 1))
	if !nanos.IsInt() {
		return time.Time{}, false
	}
	if months.Cmp(big.NewRat(12*10000, 1)) > 0 || secs.Cmp(big.NewRat(10000*366*86400, 1)) > 0 {
		return time.Time{}, false
	}
	n := months.Num().Int64()
	// time.AddDate carries a day past the month's end into the next
	// month; step back until the month is the one reached.
	wantMonth := (int64(start.Month()) - 1 + n) % 12
	end = start.AddDate(0, int(n), 0)
	for int64(end.Month())-1 != wantMonth {
		end = end.AddDate(0, 0, -1)
	}
	ns := nanos.Num()
	sec := new(big.Int).Div(ns, big.NewInt(1e9)).Int64()
	end = time.Unix(end.Unix()+sec, int64(end.Nanosecond())+new(big.Int).Mod(ns, big.NewInt(1e9)).Int64()).In(start.Location())
	// The package doc's "Years": an end may be at most the instant year
	// 9999 ends at −12:00.
	if end.After(time.Date(10000, 1, 1, 0, 0, 0, 0, time.FixedZone("", -12*3600))) {
		return time.Time{}, false
	}
	return end, true
}

// FuzzISODuration compares ParseInterval's start/duration form with the
// reference: the same texts accepted, the same end for each.
func FuzzISODuration(f *testing.F) {
	for _, seed := range []struct {
		start int64 // Unix seconds
		off   int16 // offset in minutes
		d     string
	}{
		{1767225600, 0, "P1DT2H"}, {1675123200, 0, "P1M"}, {1767225600, 0, "PT9223372036S"},
		{1767225600, -300, "P1Y2M3W4DT5H6M7.125S"}, {1767225600, 60, "P0,5W"}, {1767225600, 0, "PT1.5H30M"},
		{1767225600, 0, "P1.5Y"}, {1767225600, 0, "PT0.0000000001S"}, {1767225600, 0, "P99999999999999999999D"},
		{253402214400, 0, "PT23H59M59.999999999S"}, {-62167219200, 0, "P9999Y"}, {1767225600, 330, "P1MT"},
	} {
		f.Add(seed.start, seed.off, seed.d)
	}
	f.Fuzz(func(t *testing.T, unix int64, off int16, d string) {
		start := time.Unix(unix, 0).In(time.FixedZone("", int(off)%(18*60)*60))
		if start.UTC().Year() < 1 || start.UTC().Year() > 9999 {
			return
		}
		text := start.Format(time.RFC3339) + "/" + d
		iv, err := window.ParseInterval(text)
		if !strings.HasPrefix(d, "P") {
			return
		}
		want, ok := referenceISOEnd(start, d)
		if ok != (err == nil) {
			t.Fatalf("ParseInterval(%q): %v; the reference accepts it: %v (end %v)", text, err, ok, want)
		}
		if ok && !iv.End.Equal(want) {
			t.Fatalf("ParseInterval(%q) ends %v, the reference %v", text, iv.End, want)
		}
	})
}
