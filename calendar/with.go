package calendar

// With returns a new calendar with c's zone, weekly hours, holidays and
// overrides and the options added after them, as [New] builds one from
// all of them: the holidays of an official file or a country set added
// to a desk's own calendar, say. c is not changed.
//
// It fails as New does, with options numbered after c's own in errors: a
// rule added to a calendar of three holiday rules is "holidays[3]"; and
// with an error wrapping [ErrZeroCalendar] when c is the zero Calendar.
func (c *Calendar) With(opts ...Option) (*Calendar, error) {
	if c.IsZero() {
		return nil, errZero
	}
	own := func(cfg *config) {
		cfg.hours = append(cfg.hours, c.hours...)
		cfg.rules = append(cfg.rules, c.rules...)
		cfg.overrides = append(cfg.overrides, c.overList...)
	}
	return New(c.loc, append([]Option{own}, opts...)...)
}
