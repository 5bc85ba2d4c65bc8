package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/sla/prom"
)

// parseSelector reads a query written as a plain PromQL selector: a
// metric name with optional label matchers, such as
// http_requests_total{job="checkout",code=~"5.."}, or the matchers alone.
// Values are double-quoted (or back-quoted) PromQL strings. Anything else
// — a function, an operator, a range — is an error: the rules wrap the
// selector in the functions they need themselves.
func parseSelector(q string) (prom.Selector, error) {
	p := selectorParser{s: q}
	sel, err := p.selector()
	if err != nil {
		return prom.Selector{}, fmt.Errorf("%s is not a plain selector such as errors_total{job=\"api\"}: %w", quote.Text(q), err)
	}
	return sel, nil
}

type selectorParser struct {
	s string
	i int
}

func (p *selectorParser) space() {
	for p.i < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.i]) >= 0 {
		p.i++
	}
}

// name reads [a-zA-Z_][a-zA-Z0-9_]*, with ':' too when colon is true.
func (p *selectorParser) name(colon bool) string {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		ok := c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || colon && c == ':' || p.i > start && '0' <= c && c <= '9'
		if !ok {
			break
		}
		p.i++
	}
	return p.s[start:p.i]
}

func (p *selectorParser) selector() (prom.Selector, error) {
	var sel prom.Selector
	p.space()
	sel.Metric = p.name(true)
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '{' {
		p.i++
		ms, err := p.matchers()
		if err != nil {
			return sel, err
		}
		sel.Matchers = ms
	}
	p.space()
	switch {
	case p.i < len(p.s):
		return sel, fmt.Errorf("unexpected %q at offset %d", p.s[p.i:p.i+1], p.i)
	case sel.IsZero():
		return sel, errors.New("no metric name and no matchers")
	}
	return sel, nil
}

// matchers reads label matchers up to the closing brace; a trailing comma
// is allowed, as in PromQL.
func (p *selectorParser) matchers() ([]prom.Matcher, error) {
	var ms []prom.Matcher
	for {
		p.space()
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			return ms, nil
		}
		label := p.name(false)
		if label == "" {
			return nil, fmt.Errorf("want a label name or } at offset %d", p.i)
		}
		p.space()
		op, err := p.op()
		if err != nil {
			return nil, err
		}
		p.space()
		value, err := p.str()
		if err != nil {
			return nil, err
		}
		ms = append(ms, prom.Matcher{Label: label, Op: op, Value: value})
		p.space()
		switch {
		case p.i < len(p.s) && p.s[p.i] == ',':
			p.i++
		case p.i < len(p.s) && p.s[p.i] == '}':
		default:
			return nil, fmt.Errorf("want , or } at offset %d", p.i)
		}
	}
}

func (p *selectorParser) op() (prom.MatchOp, error) {
	for _, op := range []prom.MatchOp{prom.Regexp, prom.NotRegexp, prom.NotEqual, prom.Equal} {
		if strings.HasPrefix(p.s[p.i:], string(op)) {
			p.i += len(op)
			return op, nil
		}
	}
	return "", fmt.Errorf("want =, !=, =~ or !~ at offset %d", p.i)
}

// str reads a double-quoted string with Go's escapes, which PromQL's
// are, or a back-quoted raw string.
func (p *selectorParser) str() (string, error) {
	if p.i >= len(p.s) || (p.s[p.i] != '"' && p.s[p.i] != '`') {
		return "", fmt.Errorf("want a double-quoted value at offset %d", p.i)
	}
	quote, start := p.s[p.i], p.i
	for p.i++; p.i < len(p.s); p.i++ {
		switch p.s[p.i] {
		case '\\':
			if quote == '"' {
				p.i++
			}
		case quote:
			p.i++
			v, err := strconv.Unquote(p.s[start:p.i])
			if err != nil {
				return "", fmt.Errorf("value at offset %d: %w", start, err)
			}
			return v, nil
		}
	}
	return "", fmt.Errorf("unterminated value at offset %d", start)
}
