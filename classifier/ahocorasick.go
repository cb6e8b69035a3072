package classifier

import "sort"

// matcher finds every occurrence of a set of byte patterns in one pass
// (Aho-Corasick). The automaton is built once by New and only read by
// Classify, so it is safe for concurrent use.
//
// The trie with failure links is compiled into a full DFA over byte
// classes (bytes that no pattern uses share class 0): one table lookup per
// byte of text, no failure walks. With ~68k states and ~110 classes the
// table is ~31 MB of uint32. Automata whose table would pass maxDFABytes
// keep the sparse trie and walk failure links.
type matcher struct {
	class  [256]uint8
	nclass int
	delta  []uint32 // delta[state*nclass+class]; nil when too many states
	// dfaOut is out renumbered for the DFA, whose states are numbered in
	// breadth-first order so that the hot shallow states share cache lines,
	// those without output first: states from outFrom on have output, so
	// the scan tells a match from the state number it already holds,
	// without a second load per byte.
	dfaOut  []int32
	outFrom int

	root  [256]int32
	first []int32 // first[s]..first[s+1]: edges of state s
	edges []acEdge
	fail  []int32
	// out[s] is the first pattern ending at s, -1 if none; next[p] chains
	// the patterns that end at the same state (its own, then its
	// dictionary suffixes').
	out   []int32
	next  []int32
	plens []int32
	// maxLen is the longest pattern: the DFA state after any text depends
	// only on its last maxLen bytes.
	maxLen int
}

type acEdge struct {
	b  byte
	to int32
}

// acMatch is one occurrence: pattern index and its byte range.
type acMatch struct {
	pat        int32
	start, end int32
}

// newMatcher builds the automaton for pats; pattern i is reported as i.
func newMatcher(pats [][]byte) *matcher {
	// Build the trie with maps, then flatten.
	type node struct {
		kids map[byte]int32
		pats []int32
	}
	nodes := []node{{kids: map[byte]int32{}}}
	for i, p := range pats {
		s := int32(0)
		for _, b := range p {
			to, ok := nodes[s].kids[b]
			if !ok {
				to = int32(len(nodes))
				nodes = append(nodes, node{kids: map[byte]int32{}})
				nodes[s].kids[b] = to
			}
			s = to
		}
		nodes[s].pats = append(nodes[s].pats, int32(i))
	}
	m := &matcher{
		first: make([]int32, len(nodes)+1),
		fail:  make([]int32, len(nodes)),
		out:   make([]int32, len(nodes)),
		plens: make([]int32, len(pats)),
	}
	for i, p := range pats {
		m.plens[i] = int32(len(p))
		m.maxLen = max(m.maxLen, len(p))
	}
	for s := range nodes {
		m.first[s] = int32(len(m.edges))
		keys := make([]int, 0, len(nodes[s].kids))
		for b := range nodes[s].kids {
			keys = append(keys, int(b))
		}
		sort.Ints(keys)
		for _, b := range keys {
			m.edges = append(m.edges, acEdge{byte(b), nodes[s].kids[byte(b)]})
		}
	}
	m.first[len(nodes)] = int32(len(m.edges))
	for b, to := range nodes[0].kids {
		m.root[b] = to
	}
	defer m.buildDFA()
	// Breadth-first: failure links and output chains.
	m.next = make([]int32, len(pats))
	for i := range m.next {
		m.next[i] = -1
	}
	for s := range m.out {
		m.out[s] = -1
	}
	queue := make([]int32, 0, len(nodes))
	for _, to := range nodes[0].kids {
		queue = append(queue, to)
	}
	sort.Slice(queue, func(i, j int) bool { return queue[i] < queue[j] })
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		// Output chain: own patterns first, then the failure state's chain.
		tail := m.out[m.fail[s]]
		own := nodes[s].pats
		if len(own) > 0 {
			for k := len(own) - 1; k >= 0; k-- {
				m.next[own[k]] = tail
				tail = own[k]
			}
		}
		m.out[s] = tail
		for _, e := range m.edges[m.first[s]:m.first[s+1]] {
			f := m.fail[s]
			for f != 0 && m.step(f, e.b) < 0 {
				f = m.fail[f]
			}
			if to := m.step(f, e.b); to > 0 {
				m.fail[e.to] = to
			}
			queue = append(queue, e.to)
		}
	}
	return m
}

// buildDFA fills class and delta from the trie and failure links.
func (m *matcher) buildDFA() {
	states := len(m.fail)
	used := [256]bool{}
	for _, e := range m.edges {
		used[e.b] = true
	}
	for b := range m.root {
		if m.root[b] != 0 {
			used[b] = true
		}
	}
	n := 1
	for b := 0; b < 256; b++ {
		if used[b] {
			m.class[b] = uint8(n)
			n++
		}
	}
	// 32-bit states: the rules outgrew 16 bits (65,535 states) on
	// 2026-12-04, and the sparse automaton they then fell back to took
	// twice the time. The table is states×classes×4 bytes (about 31 MB at
	// 68,000 states and 113 classes); past maxDFABytes the sparse one is
	// kept rather than the memory spent.
	if states*n*4 > maxDFABytes || n > 255 {
		return
	}
	m.nclass = n
	m.delta = make([]uint32, states*n)
	// Breadth-first order guarantees fail[s] is done before s; it is also
	// the new numbering.
	bfs := make([]int32, 0, states)
	bfs = append(bfs, 0)
	for i := 0; i < len(bfs); i++ {
		s := bfs[i]
		for _, e := range m.edges[m.first[s]:m.first[s+1]] {
			bfs = append(bfs, e.to)
		}
	}
	// Numbering: states without output, then those with, each breadth-first.
	order := make([]int32, 0, states)
	for _, s := range bfs {
		if m.out[s] < 0 {
			order = append(order, s)
		}
	}
	m.outFrom = len(order)
	for _, s := range bfs {
		if m.out[s] >= 0 {
			order = append(order, s)
		}
	}
	newID := make([]uint32, states)
	for i, s := range order {
		newID[s] = uint32(i)
	}
	m.dfaOut = make([]int32, states)
	// Rows are filled breadth-first: a state's failure state first.
	for _, s := range bfs {
		i := int(newID[s])
		m.dfaOut[i] = m.out[s]
		row := m.delta[i*n : i*n+n]
		if s != 0 {
			f := int(newID[m.fail[s]])
			copy(row, m.delta[f*n:f*n+n])
		}
		for _, e := range m.edges[m.first[s]:m.first[s+1]] {
			row[m.class[e.b]] = newID[e.to]
		}
	}
}

// step returns the goto transition of s on b, or -1 (0 from the root).
func (m *matcher) step(s int32, b byte) int32 {
	if s == 0 {
		return m.root[b]
	}
	es := m.edges[m.first[s]:m.first[s+1]]
	lo, hi := 0, len(es)
	for lo < hi {
		h := (lo + hi) >> 1
		if es[h].b < b {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo < len(es) && es[lo].b == b {
		return es[lo].to
	}
	return -1
}

// findAll appends every occurrence in text to dst, in order of end.
func (m *matcher) findAll(text []byte, dst []acMatch) []acMatch {
	if m.delta != nil {
		if len(text) >= 2*m.maxLen+minSplit {
			return m.findAllSplit(text, dst)
		}
		return m.findDFA(text, dst)
	}
	s := int32(0)
	for i, b := range text {
		for {
			if s == 0 {
				s = m.root[b]
				break
			}
			if to := m.step(s, b); to >= 0 {
				s = to
				break
			}
			s = m.fail[s]
		}
		for p := m.out[s]; p >= 0; p = m.next[p] {
			end := int32(i + 1)
			dst = append(dst, acMatch{pat: p, start: end - m.plens[p], end: end})
		}
	}
	return dst
}

// findDFA is findAll by the DFA, one byte after the other.
func (m *matcher) findDFA(text []byte, dst []acMatch) []acMatch {
	n := m.nclass
	s := 0
	for i, b := range text {
		s = int(m.delta[s*n+int(m.class[b])])
		if s >= m.outFrom {
			for p := m.dfaOut[s]; p >= 0; p = m.next[p] {
				end := int32(i + 1)
				dst = append(dst, acMatch{pat: p, start: end - m.plens[p], end: end})
			}
		}
	}
	return dst
}

// maxDFABytes bounds the DFA table; a larger automaton runs sparse.
const maxDFABytes = 128 << 20

// minSplit is how much longer than two patterns a text must be for
// findAllSplit to pay.
const minSplit = 32

// findAllSplit is findAll for longer texts: it runs the DFA over the two
// halves at once. Each step waits for a table load (the table is megabytes,
// so mostly a cache miss); two independent chains of loads overlap, where
// one chain waits for each load in turn. The second half starts maxLen bytes
// early, from the root, which gives the exact state at the half; its
// occurrences ending before the half are the first's and are dropped.
func (m *matcher) findAllSplit(text []byte, dst []acMatch) []acMatch {
	n := m.nclass
	half := (len(text) + m.maxLen) / 2
	off := half - m.maxLen // the second chain reads text[off+k]
	var buf [64]acMatch
	second := buf[:0]
	a, b := 0, 0
	for k := 0; k < half; k++ {
		a = int(m.delta[a*n+int(m.class[text[k]])])
		b = int(m.delta[b*n+int(m.class[text[off+k]])])
		if a >= m.outFrom {
			for p := m.dfaOut[a]; p >= 0; p = m.next[p] {
				end := int32(k + 1)
				dst = append(dst, acMatch{pat: p, start: end - m.plens[p], end: end})
			}
		}
		if b >= m.outFrom && off+k >= half {
			for p := m.dfaOut[b]; p >= 0; p = m.next[p] {
				end := int32(off + k + 1)
				second = append(second, acMatch{pat: p, start: end - m.plens[p], end: end})
			}
		}
	}
	// The second chain is at most one byte longer.
	for i := off + half; i < len(text); i++ {
		b = int(m.delta[b*n+int(m.class[text[i]])])
		for p := m.dfaOut[b]; p >= 0; p = m.next[p] {
			end := int32(i + 1)
			second = append(second, acMatch{pat: p, start: end - m.plens[p], end: end})
		}
	}
	return append(dst, second...)
}
