package calendar

import (
	"testing"
	"time"
)

// benchCalendar is Monday–Friday 09:00–17:00 in Europe/Berlin with twelve
// holiday rules: the German federal holidays plus those of Bavaria.
func benchCalendar(b *testing.B) *Calendar {
	b.Helper()
	c, err := New(loadZone(b, "Europe/Berlin"),
		Weekly(MondayToFriday, MustSpan("09:00-17:00")),
		Holidays(germanHolidays()...))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func germanHolidays() []Rule {
	return []Rule{
		Fixed("Neujahr", time.January, 1),
		Fixed("Heilige Drei Könige", time.January, 6),
		EasterOffset("Karfreitag", -2),
		EasterOffset("Ostermontag", 1),
		Fixed("Tag der Arbeit", time.May, 1),
		EasterOffset("Christi Himmelfahrt", 39),
		EasterOffset("Pfingstmontag", 50),
		EasterOffset("Fronleichnam", 60),
		Fixed("Mariä Himmelfahrt", time.August, 15),
		Fixed("Tag der Deutschen Einheit", time.October, 3),
		Fixed("Allerheiligen", time.November, 1),
		Fixed("1. Weihnachtstag", time.December, 25),
		Fixed("2. Weihnachtstag", time.December, 26),
	}[:12]
}

var sinkD time.Duration
var sinkT time.Time
var sinkB bool

func BenchmarkBetween1Year(b *testing.B) {
	c := benchCalendar(b)
	a := time.Date(2026, 1, 5, 10, 30, 0, 0, time.UTC)
	e := a.AddDate(1, 0, 0)
	b.ReportAllocs()
	for b.Loop() {
		sinkD = c.Between(a, e)
	}
}

func BenchmarkBetween10Years(b *testing.B) {
	c := benchCalendar(b)
	a := time.Date(2026, 1, 5, 10, 30, 0, 0, time.UTC)
	e := a.AddDate(10, 0, 0)
	b.ReportAllocs()
	for b.Loop() {
		sinkD = c.Between(a, e)
	}
}

func BenchmarkAdd2000Hours(b *testing.B) {
	c := benchCalendar(b)
	a := time.Date(2026, 1, 5, 10, 30, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		sinkT = c.Add(a, 2000*time.Hour)
	}
}

func BenchmarkIsOpen(b *testing.B) {
	c := benchCalendar(b)
	a := time.Date(2026, 1, 5, 10, 30, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		sinkB = c.IsOpen(a)
	}
}
