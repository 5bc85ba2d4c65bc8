package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/window"
)

// TestDefaultRunSVG: the chart of the embedded sample is a golden file,
// the same bytes on every run, and well-formed XML whose root is an svg
// element with a line (a polyline) per segment and a mark where the
// business-hours budget ran out.
func TestDefaultRunSVG(t *testing.T) {
	code, stdout, stderr := runArgs(t, "--format", "svg")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	golden(t, "report.svg.golden", stdout)
	_, again, _ := runArgs(t, "--format", "svg")
	require.Equal(t, stdout, again, "the chart is the same to the byte")

	dec := xml.NewDecoder(strings.NewReader(stdout))
	var root string
	counts := map[string]int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the chart is well-formed XML")
		if se, ok := tok.(xml.StartElement); ok {
			if root == "" {
				root = se.Name.Local
				assert.Equal(t, "http://www.w3.org/2000/svg", se.Name.Space)
			}
			counts[se.Name.Local]++
		}
	}
	assert.Equal(t, "svg", root)
	assert.Equal(t, 2, counts["polyline"], "a line per segment")
	assert.Equal(t, 1, counts["circle"], "one budget ran out")
	// 22 weekdays of business hours are shaded.
	assert.Contains(t, stdout, "business hours: the budget ran out Wed 2026-03-04 17:56 EST")
	assert.Equal(t, 22, strings.Count(stdout, `height="280"/>`))
}

// converter returns a command that renders an SVG file to a PNG file, or
// skips the test, saying how to install one. With SLAMATH_REQUIRE_TOOLS=1
// (set by CI, which installs one) a missing converter fails the test.
func converter(t *testing.T) func(svg, png string) *exec.Cmd {
	t.Helper()
	if path, err := exec.LookPath("rsvg-convert"); err == nil {
		return func(svg, png string) *exec.Cmd { return exec.Command(path, "--format", "png", "--output", png, svg) }
	}
	// ImageMagick's convert, if it is the real one: a stand-in of the
	// same name may be installed that cannot read SVG.
	if path, err := exec.LookPath("convert"); err == nil {
		probe := filepath.Join(t.TempDir(), "probe")
		require.NoError(t, os.WriteFile(probe+".svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>`), 0o644))
		if exec.Command(path, probe+".svg", probe+".png").Run() == nil {
			return func(svg, png string) *exec.Cmd { return exec.Command(path, svg, png) }
		}
	}
	const msg = "no SVG converter: apt-get install librsvg2-bin (rsvg-convert), or imagemagick"
	if os.Getenv("SLAMATH_REQUIRE_TOOLS") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return nil
}

// TestSVGRendersTheBudgetLines renders the sample's chart to PNG with a
// converter from the distribution and checks, at pixels that the chart's
// geometry predicts from the figures derived in TestSampleAvailability,
// that each segment's line is drawn there in its colour.
//
// Business hours: the allowance is 66 min; after the last business-hours
// outage (Tue 17 Mar, 08:00–08:15 EDT) 85 min are spent, so the budget
// left is (66 − 85)/66 = −19/66 until the end of the month. Other times:
// the allowance is 18,792 s, and after the last outage in them (the same
// morning, 07:30–08:00 EDT) 14,100 s are spent: 4,692/18,792 left. Both
// hold from 17 March to 31 March, so the lines are flat at Wednesday 25
// March, 12:00 EDT. Before the first outage (Mon 2 Mar 09:00 EST) the
// business-hours line is at 100%, drawn over by nothing at noon on
// Sunday 1 March but the other-times line, which is drawn after it: the
// other-times colour is there.
func TestSVGRendersTheBudgetLines(t *testing.T) {
	convert := converter(t)
	dir := t.TempDir()
	code, stdout, stderr := runArgs(t, "--format", "svg")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	svgPath, pngPath := filepath.Join(dir, "chart.svg"), filepath.Join(dir, "chart.png")
	require.NoError(t, os.WriteFile(svgPath, []byte(stdout), 0o644))
	out, err := convert(svgPath, pngPath).CombinedOutput()
	require.NoError(t, err, "converting: %s", out)
	f, err := os.Open(pngPath)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	require.Equal(t, svgWidth, img.Bounds().Dx(), "rendered at its own size")

	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	march := window.Month.Containing(time.Date(2026, 3, 15, 12, 0, 0, 0, ny), ny)
	// The lowest share drawn is −19/66 = −0.2878…; the axis runs in steps
	// of 25% down to floor(−0.2878… × 4)/4 = −50%.
	c := chart{period: march, low: -0.5}
	at := func(day, hour int) time.Time { return time.Date(2026, 3, day, hour, 0, 0, 0, ny) }
	tests := []struct {
		name   string
		when   time.Time
		share  float64
		colour string
	}{
		{"business hours at −19/66", at(25, 12), -19.0 / 66, lineColours[0]},
		{"other times at 4692/18792", at(25, 12), 4692.0 / 18792, lineColours[1]},
		{"other times drawn over business hours at 100%", at(1, 12), 1, lineColours[1]},
		{"business hours between outages: 26/66 left", at(3, 12), 26.0 / 66, lineColours[0]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x, y := int(math.Floor(c.x(tc.when))), int(math.Floor(c.y(tc.share)))
			assert.Equal(t, tc.colour, hex(img, x, y), "pixel (%d, %d)", x, y)
			// Three pixels off the line there is no line: the background or
			// the shading, not the line's colour.
			assert.NotEqual(t, tc.colour, hex(img, x, y+4), "pixel (%d, %d)", x, y+4)
		})
	}
}

// hex returns the colour of a pixel as "#rrggbb".
func hex(img image.Image, x, y int) string {
	r, g, b, _ := img.At(x, y).RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

// TestChartGeometry: the chart's own mapping, checked at its corners.
func TestChartGeometry(t *testing.T) {
	p := window.Between(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC))
	c := chart{period: p, low: -1}
	assert.Equal(t, float64(plotLeft), c.x(p.Start))
	assert.Equal(t, float64(plotRight), c.x(p.End))
	assert.Equal(t, float64(plotLeft+plotRight)/2, c.x(p.Start.Add(5*24*time.Hour)))
	assert.Equal(t, float64(plotTop), c.y(1))
	assert.Equal(t, float64(plotBottom), c.y(-1))
	assert.Equal(t, float64(plotBottom), c.y(-7), "shares below the axis are drawn at its foot")
	assert.Equal(t, float64(plotTop+plotBottom)/2, c.y(0))
	var b bytes.Buffer
	require.NoError(t, writeSVG(&b, &report{Result: sampleReport(t).Result, Zone: time.UTC}))
	assert.Contains(t, b.String(), "no term measured by outages has a budget to draw", "no columns, no lines")
}
