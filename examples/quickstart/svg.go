package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/slamath/slamath/window"
)

// The chart: an SVG drawing of the error budget left in each segment of
// the terms measured by outages, over the period, as a share of the
// segment's allowance — 100% at the start, 0% when the budget ran out,
// below 0% once overspent — with the hours of the first segment that has
// a schedule shaded behind, and the instant each budget ran out marked.
// It is written with the standard library, and the same report gives the
// same bytes: coordinates are printed with one decimal, in a fixed order.

// The geometry of the chart, in SVG user units (pixels when rendered at
// its size).
const (
	svgWidth            = 960
	plotLeft, plotRight = 90, 930
	plotTop, plotBottom = 60, 340
	legendLine          = 18 // the height of a line of the legend, under the plot
)

// Colours of the segments' lines, in the order of the report's columns.
var lineColours = []string{"#1f5fbf", "#c2410c", "#15803d", "#7e22ce", "#a16207"}

const shadeColour = "#e3eaf5"

// chart maps instants and shares of a budget to the plot.
type chart struct {
	period window.Interval
	// low is the lowest share of the budget on the y axis: 0, or less when
	// a budget was overspent, in steps of 25%, at least -200%.
	low float64
}

// x returns the horizontal position of t.
func (c chart) x(t time.Time) float64 {
	f := float64(t.Sub(c.period.Start)) / float64(c.period.Duration())
	return plotLeft + f*(plotRight-plotLeft)
}

// y returns the vertical position of share, a share of the budget left
// (1 for all of it); shares below low are drawn at low.
func (c chart) y(share float64) float64 {
	share = max(share, c.low)
	return plotTop + (1-share)/(1-c.low)*(plotBottom-plotTop)
}

// budgetLine is the budget left in one segment: its points, a share of
// the allowance at each instant where it changes.
type budgetLine struct {
	name   string
	colour string
	points []budgetPoint
	ranOut time.Time // zero unless the budget ran out
}

type budgetPoint struct {
	at    time.Time
	share float64 // for display only: the exact figures are in the report
}

// budgetLines returns the line of each segment with a budget to draw.
func (r *report) budgetLines() []budgetLine {
	var lines []budgetLine
	p := r.Result.Period
	for k, col := range r.Columns {
		s := r.Result.Terms[col.Term].Segments[col.Segment]
		if s.Allowance <= 0 {
			continue // a 100% target has no budget to draw
		}
		allowed := float64(s.Allowance)
		l := budgetLine{name: col.Name, colour: lineColours[k%len(lineColours)], points: []budgetPoint{{p.Start, 1}}}
		if !s.Met {
			l.ranOut = s.BreachedAt
		}
		var used time.Duration
		for iv := range s.CountedDown.All() {
			l.points = append(l.points, budgetPoint{iv.Start, float64(s.Allowance-used) / allowed})
			used += iv.Duration()
			l.points = append(l.points, budgetPoint{iv.End, float64(s.Allowance-used) / allowed})
		}
		l.points = append(l.points, budgetPoint{p.End, float64(s.Allowance-used) / allowed})
		lines = append(lines, l)
	}
	return lines
}

// newChart returns the geometry for the lines.
func newChart(p window.Interval, lines []budgetLine) chart {
	low := 0.0
	for _, l := range lines {
		for _, pt := range l.points {
			low = min(low, math.Floor(pt.share*4)/4)
		}
	}
	return chart{period: p, low: max(low, -2)}
}

// shaded returns the schedule to shade: the open hours of the first
// segment of a term measured by outages that has a calendar, and its
// description.
func (r *report) shaded() (window.Set, string) {
	for _, col := range r.Columns {
		t := r.Contract.Terms[col.Term]
		seg := t.Availability.Segments[col.Segment]
		if name, cal := seg.Schedule.Calendar(); cal != nil {
			return cal.Open(r.Result.Period), fmt.Sprintf("shaded: the open hours of calendar %q", name)
		}
	}
	return window.Set{}, ""
}

// writeSVG writes the chart of the report.
func writeSVG(w io.Writer, r *report) error {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	lines := r.budgetLines()
	c := newChart(r.Result.Period, lines)
	n := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

	height := plotBottom + 45 + legendLine*(len(lines)+1)
	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", svgWidth, height, svgWidth, height)
	p("<title>%s</title>\n", esc("Error budget left, "+r.periodText()))
	p(`<rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>`+"\n", svgWidth, height)
	p(`<text x="%d" y="28" font-size="16" font-weight="bold">%s</text>`+"\n", plotLeft, esc(r.Result.Contract+": error budget left, "+r.periodText()))

	hours, shadeText := r.shaded()
	p(`<g fill="%s">`+"\n", shadeColour)
	for iv := range hours.All() {
		p(`<rect x="%s" y="%d" width="%s" height="%d"/>`+"\n", n(c.x(iv.Start)), plotTop, n(c.x(iv.End)-c.x(iv.Start)), plotBottom-plotTop)
	}
	p("</g>\n")

	// The y axis: grid lines at every 25% of the budget from low to 100%.
	p(`<g stroke="#c8c8c8" stroke-width="1">` + "\n")
	steps := int(math.Round((1 - c.low) * 4))
	for i := 0; i <= steps; i++ {
		share := 1 - float64(i)/4
		stroke := ""
		if share == 0 {
			stroke = ` stroke="#404040"`
		}
		p(`<line x1="%d" y1="%s" x2="%d" y2="%s"%s/>`+"\n", plotLeft, n(c.y(share)), plotRight, n(c.y(share)), stroke)
	}
	p("</g>\n")
	p(`<g text-anchor="end" fill="#404040">` + "\n")
	for i := 0; i <= steps; i++ {
		share := 1 - float64(i)/4
		p(`<text x="%d" y="%s">%d%%</text>`+"\n", plotLeft-8, n(c.y(share)+4), int(math.Round(share*100)))
	}
	p("</g>\n")

	// The x axis: a tick and a label at the start of each week (Monday),
	// and at the start of the period unless a Monday follows within three
	// days.
	p(`<g fill="#404040" text-anchor="middle">` + "\n")
	period := r.Result.Period
	for d := window.Day.Containing(period.Start, r.Zone); d.Start.Before(period.End); d = window.Day.Containing(d.End, r.Zone) {
		start := d.Start.In(r.Zone)
		first := !d.Start.After(period.Start)
		if start.Weekday() != time.Monday && !(first && (start.Weekday()+6)%7 < 4) {
			continue
		}
		at := d.Start
		if first {
			at = period.Start
		}
		x := n(c.x(at))
		p(`<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="#404040"/>`+"\n", x, plotBottom, x, plotBottom+6)
		p(`<text x="%s" y="%d">%s</text>`+"\n", x, plotBottom+20, start.Format("Mon 2 Jan"))
	}
	p("</g>\n")
	p(`<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#404040"/>`+"\n", plotLeft, plotTop, plotRight-plotLeft, plotBottom-plotTop)

	// The lines, then the instants the budgets ran out.
	for _, l := range lines {
		p(`<polyline fill="none" stroke="%s" stroke-width="2.5" stroke-linejoin="round" points="`, l.colour)
		for i, pt := range l.points {
			if i > 0 {
				p(" ")
			}
			p("%s,%s", n(c.x(pt.at)), n(c.y(pt.share)))
		}
		p(`"/>` + "\n")
	}
	for _, l := range lines {
		if l.ranOut.IsZero() {
			continue
		}
		x := n(c.x(l.ranOut))
		p(`<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="%s" stroke-width="1.5" stroke-dasharray="5,4"/>`+"\n", x, plotTop, x, plotBottom, l.colour)
		p(`<circle cx="%s" cy="%s" r="5" fill="#ffffff" stroke="%s" stroke-width="2"/>`+"\n", x, n(c.y(0)), l.colour)
	}

	// The legend, under the plot.
	y := plotBottom + 45
	for _, l := range lines {
		p(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2.5"/>`+"\n", plotLeft, y-4, plotLeft+24, y-4, l.colour)
		text := l.name
		if !l.ranOut.IsZero() {
			text += ": the budget ran out " + r.when(l.ranOut)
		}
		p(`<text x="%d" y="%d">%s</text>`+"\n", plotLeft+32, y, esc(text))
		y += 18
	}
	if shadeText != "" {
		p(`<rect x="%d" y="%d" width="24" height="10" fill="%s"/>`+"\n", plotLeft, y-10, shadeColour)
		p(`<text x="%d" y="%d">%s</text>`+"\n", plotLeft+32, y, esc(shadeText))
	}
	if len(lines) == 0 {
		p(`<text x="%d" y="%d">%s</text>`+"\n", plotLeft+10, plotTop+20, esc("no term measured by outages has a budget to draw"))
	}
	p("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// esc escapes text for XML.
func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s)) // writes to a bytes.Buffer, which does not fail
	return b.String()
}
