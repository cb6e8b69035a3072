package classifier

import "sort"

// matcher finds every occurrence of a set of byte patterns in one pass
// (Aho-Corasick). The automaton is built once by New and only read by
// Classify, so it is safe for concurrent use.
//
// The trie with failure links is compiled into a full DFA over byte
// classes (bytes that no pattern uses share class 0): one table lookup per
// byte of text, no failure walks. Its entries are 16 bits: with ~75k
// states and ~113 classes the table is ~17 MB, half what 32-bit entries
// take, and the scan waits on its loads, mostly cache misses, so half the
// bytes is fewer misses. States are numbered breadth-first, so the ones
// past 16 bits are the deepest, reached only inside long patterns: an
// entry that leads to one holds farState and the state is looked up in
// far. Automata whose table would pass maxDFABytes keep the sparse trie
// and walk failure links.
type matcher struct {
	class [256]uint8
	cbase [256]int32 // class[b]*states: the first entry of b's class in delta
	delta []uint16   // delta[class*states+state]; nil when too many states
	// far holds the targets of the entries that hold farState, by index.
	far farTable
	// dfaOut is out renumbered for the DFA, whose states are numbered in
	// breadth-first order so that the hot shallow states share cache lines,
	// those without output first: states from outFrom on have output (or
	// are far), so the scan tells a match from the state number it already
	// holds, without a second load per byte.
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
	defer m.buildDFA(farState)
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

// farState in delta stands for a state of far: farFrom or more (tests
// build with a lower one).
const farState = 0xFFFF

// buildDFA fills class, delta and far from the trie and failure links;
// states numbered farFrom or more go in far.
func (m *matcher) buildDFA(farFrom int) {
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
	// The rules outgrew 16-bit state numbers (65,535 states) on
	// 2026-12-04, and the sparse automaton they then fell back to took
	// twice the time; 32-bit entries doubled the table; far keeps 16. The
	// table is states×classes×2 bytes (about 17 MB at 75,000 states and
	// 113 classes); past maxDFABytes the sparse one is kept rather than
	// the memory spent.
	if states*n*2 > maxDFABytes || n > 255 {
		return
	}
	full := make([]uint32, states*n) // the 32-bit table, then cut to 16
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
	// Numbering: the first farFrom states breadth-first are near (16-bit
	// entries), those without output first, then those with; the deeper
	// rest are far, in breadth-first order, output or not. Every state from
	// outFrom on is either a near state with output or a far one, whose
	// output emit reads from dfaOut. Numbering every output state after
	// every state without one, as before, made all of them far once the
	// automaton passed 16 bits, so each match paid a far lookup (5% of
	// Classify).
	farFrom = min(farFrom, farState)
	near := bfs[:min(len(bfs), farFrom)]
	order := make([]int32, 0, states)
	for _, s := range near {
		if m.out[s] < 0 {
			order = append(order, s)
		}
	}
	m.outFrom = len(order)
	for _, s := range near {
		if m.out[s] >= 0 {
			order = append(order, s)
		}
	}
	order = append(order, bfs[len(near):]...)
	newID := make([]uint32, states)
	for i, s := range order {
		newID[s] = uint32(i)
	}
	m.dfaOut = make([]int32, states)
	// Rows are filled breadth-first: a state's failure state first.
	for _, s := range bfs {
		i := int(newID[s])
		m.dfaOut[i] = m.out[s]
		row := full[i*n : i*n+n]
		if s != 0 {
			f := int(newID[m.fail[s]])
			copy(row, full[f*n:f*n+n])
		}
		for _, e := range m.edges[m.first[s]:m.first[s+1]] {
			row[m.class[e.b]] = newID[e.to]
		}
	}
	// delta is full transposed: entry (state i, class c) at c*states+i,
	// so the entries of one class for neighbouring states share a cache
	// line.
	for b := range m.cbase {
		m.cbase[b] = int32(int(m.class[b]) * states)
	}
	m.delta = make([]uint16, len(full))
	nfar := 0
	for _, to := range full {
		if int(to) >= farFrom {
			nfar++
		}
	}
	m.far = newFarTable(nfar)
	for fi, to := range full {
		i := fi%n*states + fi/n
		if int(to) >= farFrom {
			m.delta[i] = farState
			m.far.put(uint32(i), to)
			continue
		}
		m.delta[i] = uint16(to)
	}
}

// farNext is the state at entry i of delta, which holds farState.
func (m *matcher) farNext(i int) int {
	return int(m.far.get(uint32(i)))
}

// farTable maps an entry of delta to the far state it leads to: an
// open-addressed hash of (entry+1)<<32|state words, linear probing, at
// most half full: one multiply and, mostly, one load finds the word,
// where a Go map hashes, then probes a group.
type farTable struct {
	slots []uint64
	shift uint
}

// newFarTable makes a table for n entries.
func newFarTable(n int) farTable {
	bits := uint(4)
	for 1<<bits < 2*n {
		bits++
	}
	return farTable{slots: make([]uint64, 1<<bits), shift: 64 - bits}
}

// len is the number of entries held.
func (t farTable) len() int {
	n := 0
	for _, w := range t.slots {
		if w != 0 {
			n++
		}
	}
	return n
}

func (t farTable) home(key uint32) uint64 {
	return (uint64(key) * 0x9E3779B97F4A7C15) >> t.shift
}

// put records that entry key leads to state to.
func (t farTable) put(key, to uint32) {
	mask := uint64(len(t.slots) - 1)
	for h := t.home(key); ; h = (h + 1) & mask {
		if t.slots[h] == 0 || uint32(t.slots[h]>>32) == key+1 {
			t.slots[h] = uint64(key+1)<<32 | uint64(to)
			return
		}
	}
}

// get returns the state entry key leads to, or the root when it is not
// held (never, for an entry that holds farState).
func (t farTable) get(key uint32) uint32 {
	mask := uint64(len(t.slots) - 1)
	for h := t.home(key); ; h = (h + 1) & mask {
		w := t.slots[h]
		if uint32(w>>32) == key+1 {
			return uint32(w)
		}
		if w == 0 {
			return 0
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
		switch {
		case m.maxLen <= maxSeam && len(text) >= 4*max(m.maxLen, minSplit):
			return m.findAll4(text, dst)
		case m.maxLen <= maxSeam && len(text) >= minSplit:
			return m.findAll2(text, dst)
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
	s := 0
	for i, b := range text {
		si := int(m.cbase[b]) + s
		if s = int(m.delta[si]); s == farState {
			s = m.farNext(si)
		}
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

// minSplit is how long a text (or each of four parts) must be for the
// split scans to pay.
const minSplit = 24

// maxSeam bounds maxLen for the split scans: a chain's first maxLen
// states are kept on the stack for its seam.
const maxSeam = 64

// The split scans run the DFA over two or four parts of the text at once.
// Each step waits for a table load (the table is megabytes, so mostly a
// cache miss); independent chains of loads overlap, where one chain waits
// for each load in turn. A chain after the first starts from the root at
// its part's start, so its first states may be shallower than the true
// ones; the chain before it goes on past its part's end until it reaches
// the same state (a seam), and from there both agree, since the state
// after a byte depends only on the state before and the byte. The later
// chain's occurrences before the seam are dropped; the earlier chain's up
// to the seam are kept. A root chain holds the true state once it has read
// maxLen bytes (a state is never deeper than the longest pattern), so a
// seam is found within maxLen bytes of a part's start, or the text ends.

// findAll2 is findAll by two chains over the two halves of text.
func (m *matcher) findAll2(text []byte, dst []acMatch) []acMatch {
	outFrom := m.outFrom
	mid := len(text) / 2
	var recBuf [maxSeam]int32
	rec := recBuf[:min(len(text)-mid, m.maxLen)]
	var buf [64]acMatch
	second := buf[:0]
	a, b := 0, 0
	for k := 0; k < mid; k++ {
		ai := int(m.cbase[text[k]]) + a
		if a = int(m.delta[ai]); a == farState {
			a = m.farNext(ai)
		}
		bi := int(m.cbase[text[mid+k]]) + b
		if b = int(m.delta[bi]); b == farState {
			b = m.farNext(bi)
		}
		if k < len(rec) {
			rec[k] = int32(b)
		}
		if a >= outFrom {
			dst = m.emit(dst, a, k+1)
		}
		if b >= outFrom {
			second = m.emit(second, b, mid+k+1)
		}
	}
	// The second half is at most one byte longer.
	for i := 2 * mid; i < len(text); i++ {
		bi := int(m.cbase[text[i]]) + b
		if b = int(m.delta[bi]); b == farState {
			b = m.farNext(bi)
		}
		if i-mid < len(rec) {
			rec[i-mid] = int32(b)
		}
		if b >= outFrom {
			second = m.emit(second, b, i+1)
		}
	}
	dst, seam := m.seam(text, dst, a, mid, rec)
	return appendFrom(dst, second, seam)
}

// findAll4 is findAll by four chains over four parts of text, each at
// least maxLen bytes long, so that each seam is found inside the next part.
func (m *matcher) findAll4(text []byte, dst []acMatch) []acMatch {
	outFrom := m.outFrom
	q := len(text) / 4
	p1, p2, p3 := q, 2*q, 3*q
	var recB, recC, recD [maxSeam]int32
	var bufB, bufC, bufD [64]acMatch
	outB, outC, outD := bufB[:0], bufC[:0], bufD[:0]
	a, b, c, d := 0, 0, 0, 0
	for k := 0; k < q; k++ {
		ai := int(m.cbase[text[k]]) + a
		if a = int(m.delta[ai]); a == farState {
			a = m.farNext(ai)
		}
		bi := int(m.cbase[text[p1+k]]) + b
		if b = int(m.delta[bi]); b == farState {
			b = m.farNext(bi)
		}
		ci := int(m.cbase[text[p2+k]]) + c
		if c = int(m.delta[ci]); c == farState {
			c = m.farNext(ci)
		}
		di := int(m.cbase[text[p3+k]]) + d
		if d = int(m.delta[di]); d == farState {
			d = m.farNext(di)
		}
		if k < m.maxLen {
			recB[k], recC[k], recD[k] = int32(b), int32(c), int32(d)
		}
		if a >= outFrom {
			dst = m.emit(dst, a, k+1)
		}
		if b >= outFrom {
			outB = m.emit(outB, b, p1+k+1)
		}
		if c >= outFrom {
			outC = m.emit(outC, c, p2+k+1)
		}
		if d >= outFrom {
			outD = m.emit(outD, d, p3+k+1)
		}
	}
	// The last part is up to three bytes longer.
	for i := p3 + q; i < len(text); i++ {
		di := int(m.cbase[text[i]]) + d
		if d = int(m.delta[di]); d == farState {
			d = m.farNext(di)
		}
		if d >= outFrom {
			outD = m.emit(outD, d, i+1)
		}
	}
	// Each part is at least maxLen long, so b and c hold true states at
	// their parts' ends, and each seam is found within the records.
	dst, seam := m.seam(text, dst, a, p1, recB[:m.maxLen])
	dst = appendFrom(dst, outB, seam)
	dst, seam = m.seam(text, dst, b, p2, recC[:m.maxLen])
	dst = appendFrom(dst, outC, seam)
	dst, seam = m.seam(text, dst, c, p3, recD[:m.maxLen])
	return appendFrom(dst, outD, seam)
}

// seam runs the chain in state s on from text[from], appending its
// occurrences to dst, until its state is the one rec holds for the same
// byte (the next chain's, which started at from): it returns the end of
// that byte, from which the next chain's occurrences are the true ones,
// or the end of the record's range when they never meet inside it.
func (m *matcher) seam(text []byte, dst []acMatch, s, from int, rec []int32) ([]acMatch, int) {
	for k, r := range rec {
		si := int(m.cbase[text[from+k]]) + s
		if s = int(m.delta[si]); s == farState {
			s = m.farNext(si)
		}
		if int32(s) == r {
			return dst, from + k
		}
		if s >= m.outFrom {
			dst = m.emit(dst, s, from+k+1)
		}
	}
	return dst, from + len(rec)
}

// appendFrom appends the occurrences of ms that end after byte seam.
func appendFrom(dst, ms []acMatch, seam int) []acMatch {
	for i, x := range ms {
		if int(x.end) > seam {
			return append(dst, ms[i:]...)
		}
	}
	return dst
}

// emit appends the patterns that end at byte end in DFA state s.
func (m *matcher) emit(dst []acMatch, s, end int) []acMatch {
	for p := m.dfaOut[s]; p >= 0; p = m.next[p] {
		dst = append(dst, acMatch{pat: p, start: int32(end) - m.plens[p], end: int32(end)})
	}
	return dst
}
