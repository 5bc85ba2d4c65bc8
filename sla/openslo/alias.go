package openslo

import (
	"go.yaml.in/yaml/v3"
)

// Aliases are followed by the decoder itself, never by the YAML library,
// and every node visited is paid for from a budget: a stream may expand to
// twice its parsed nodes plus 1,000 (and at most Options.MaxNodes). An
// object whose expansion would exceed what is left is refused before any
// of it is built, so a document of nested aliases costs no more than its
// parse.

// deref follows aliases to the node they stand for, paying for each.
func (d *decoder) deref(n *yaml.Node, path string) (*yaml.Node, error) {
	for n.Kind == yaml.AliasNode {
		if err := d.pay(n, path); err != nil {
			return nil, err
		}
		if n.Alias == nil {
			return nil, d.at(n, path, reason(ErrSyntax, "alias *%s has no anchor", n.Value))
		}
		n = n.Alias
	}
	return n, nil
}

func (d *decoder) pay(n *yaml.Node, path string) error {
	d.budget--
	if d.budget < 0 {
		return d.at(n, path, reason(ErrTooLarge, "the stream expands to more YAML nodes than allowed (aliases may at most double it, and Options.MaxNodes bounds it)"))
	}
	return nil
}

// expansion returns how many nodes n stands for once its aliases are
// expanded (an alias counting itself and its target), saturating at
// limit + 1. Anchored nodes are measured once and remembered, so the
// cost is proportional to the nodes as parsed; an alias that leads back
// into its own anchor expands without end and measures limit + 1.
func (d *decoder) expansion(n *yaml.Node, limit int) int {
	if d.sizes == nil {
		d.sizes = make(map[*yaml.Node]int)
	}
	var size func(*yaml.Node) int
	size = func(n *yaml.Node) int {
		if n.Anchor != "" {
			if s, ok := d.sizes[n]; ok {
				if s < 0 { // on the stack: a cycle
					return limit + 1
				}
				return s
			}
			d.sizes[n] = -1
		}
		s := 1
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			s += size(n.Alias)
		}
		for _, c := range n.Content {
			if s > limit {
				break
			}
			s += size(c)
		}
		s = min(s, limit+1)
		if n.Anchor != "" {
			d.sizes[n] = s
		}
		return s
	}
	return size(n)
}

// checkExpansion refuses an object whose aliases expand beyond what is
// left of the budget, before any of it is built. The error points at the
// deepest node that alone expands too far.
func (d *decoder) checkExpansion(n *yaml.Node) error {
	if d.expansion(n, d.budget) <= d.budget {
		return nil
	}
	path := ""
	for depth := 0; depth < maxDepth; depth++ {
		next, key := (*yaml.Node)(nil), ""
		if n.Kind == yaml.AliasNode && n.Alias != nil && d.expansion(n.Alias, d.budget) > d.budget {
			n = n.Alias
			continue
		}
		for i, c := range n.Content {
			if d.expansion(c, d.budget) > d.budget {
				next = c
				switch {
				case n.Kind == yaml.MappingNode && i%2 == 1:
					key = join(path, n.Content[i-1].Value)
				case n.Kind == yaml.SequenceNode:
					key = index(path, i)
				default:
					key = path
				}
				break
			}
		}
		if next == nil {
			break
		}
		n, path = next, key
	}
	return d.at(n, path, reason(ErrTooLarge, "its aliases expand to more YAML nodes than allowed (aliases may at most double the stream, and Options.MaxNodes bounds it)"))
}
