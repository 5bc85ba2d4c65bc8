package window_test

import (
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
