package model

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"
)

// Model is a trained scorer. It is read-only after Load, so it is safe for
// concurrent use.
type Model struct {
	// Features are the n-gram families hashed.
	Features Features
	// Bits is log2 of the number of weight buckets.
	Bits uint8
	// Bias is the score of a text with no features.
	Bias float32
	// Scale turns a quantised weight back into a real one.
	Scale float32
	// Threshold is the score at and above which the model fires on an
	// English message, ThresholdZH on a Chinese one; each was set on genuine
	// messages of its language that look like scams (see Train).
	Threshold, ThresholdZH float32
	// Weights are the quantised weights, one per bucket.
	Weights []int8
}

// magic starts every weights file; the last byte is the format version.
var magic = [4]byte{'S', 'C', 'M', 2}

// headerSize is magic, features, bits, four float32s.
const headerSize = 4 + 4 + 1 + 4*4

// maxBits bounds the table a weights file may ask for (64 MB of weights
// would be a corrupt file, not a model).
const maxBits = 24

// Score returns the model's log-odds that folded text is a scam. It is
// comparable to Threshold.
func (m *Model) Score(folded []byte) float64 {
	s := sink{shift: 64 - uint(m.Bits), w: m.Weights}
	each(folded, m.Features, &s)
	return float64(m.Bias) + float64(m.Scale)*float64(s.sum)*norm(s.n)
}

// Fires reports whether the score of folded text reaches the threshold of
// its language (zh: Chinese).
func (m *Model) Fires(folded []byte, zh bool) bool {
	t := m.Threshold
	if zh {
		t = m.ThresholdZH
	}
	return m.Score(folded) >= float64(t)
}

// norm weighs a text of n features: by 1/√(n+normPrior), so a long
// message is not more certain only for being long, and a short one (a few
// words of chat) cannot reach a confident score on one or two features.
func norm(n int) float64 {
	return 1 / math.Sqrt(float64(n)+normPrior)
}

// normPrior is the number of features' worth of doubt a text starts with.
const normPrior = 16

// MarshalBinary encodes the model as a weights file.
func (m *Model) MarshalBinary() ([]byte, error) {
	if m.Bits == 0 || m.Bits > maxBits || len(m.Weights) != 1<<m.Bits {
		return nil, fmt.Errorf("model: %d weights for %d bits", len(m.Weights), m.Bits)
	}
	b := make([]byte, 0, headerSize+len(m.Weights))
	b = append(b, magic[:]...)
	b = binary.LittleEndian.AppendUint32(b, uint32(m.Features))
	b = append(b, m.Bits)
	for _, f := range []float32{m.Bias, m.Scale, m.Threshold, m.ThresholdZH} {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(f))
	}
	for _, w := range m.Weights {
		b = append(b, byte(w))
	}
	return b, nil
}

// Load decodes a weights file; the model keeps no reference to b.
func Load(b []byte) (*Model, error) {
	if len(b) < headerSize || [4]byte(b[:4]) != magic {
		return nil, errors.New("model: not a weights file (bad magic or version)")
	}
	m := &Model{
		Features:    Features(binary.LittleEndian.Uint32(b[4:])),
		Bits:        b[8],
		Bias:        math.Float32frombits(binary.LittleEndian.Uint32(b[9:])),
		Scale:       math.Float32frombits(binary.LittleEndian.Uint32(b[13:])),
		Threshold:   math.Float32frombits(binary.LittleEndian.Uint32(b[17:])),
		ThresholdZH: math.Float32frombits(binary.LittleEndian.Uint32(b[21:])),
	}
	if m.Features == 0 || m.Features&^allFeatures != 0 {
		return nil, fmt.Errorf("model: unknown feature set %#x", uint32(m.Features))
	}
	if m.Bits < 8 || m.Bits > maxBits {
		return nil, fmt.Errorf("model: %d bits out of range 8–%d", m.Bits, maxBits)
	}
	for _, f := range []float32{m.Bias, m.Scale, m.Threshold, m.ThresholdZH} {
		if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
			return nil, errors.New("model: a header value is not a finite number")
		}
	}
	if want := headerSize + 1<<m.Bits; len(b) != want {
		return nil, fmt.Errorf("model: %d bytes, want %d for %d bits", len(b), want, m.Bits)
	}
	raw := b[headerSize:]
	m.Weights = make([]int8, len(raw))
	for i, c := range raw {
		m.Weights[i] = int8(c)
	}
	return m, nil
}

//go:embed weights.bin
var shippedWeights []byte

var shipped = sync.OnceValues(func() (*Model, error) { return Load(shippedWeights) })

// Shipped returns the model embedded in the binary, decoded once.
func Shipped() (*Model, error) {
	return shipped()
}
