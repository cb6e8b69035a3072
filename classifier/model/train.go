package model

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// Example is one labelled message for training.
type Example struct {
	// Text is the message as the classifier folds it.
	Text []byte
	// Scam is the label.
	Scam bool
	// Weight is how much the example counts (1 if zero); Train rescales
	// so that scams and genuine messages weigh the same in total.
	Weight float64
	// Hard marks a genuine message that shares a scam's vocabulary (a bank
	// alert, a code, a courier notice, an official warning): the threshold
	// is set on these, not on chat.
	Hard bool
	// Open marks a message the rules put below medium: only there can the
	// model change the outcome.
	Open bool
	// ZH marks a Chinese message: each language gets its own threshold.
	ZH bool
}

// Config is how to train. The same config and examples give the same
// weights, bit for bit, on one platform.
type Config struct {
	Features Features
	// Bits is log2 of the number of buckets.
	Bits uint8
	// Epochs over the examples, each in its own seeded order.
	Epochs int
	// Seed drives the example order.
	Seed uint64
	// Rate is AdaGrad's learning rate.
	Rate float64
	// L2 shrinks every weight a step touches.
	L2 float64
	// Folds is the number of cross-validation folds used to set the
	// threshold on scores of messages the model did not learn from.
	Folds int
	// MaxHardFPR is the share of hard genuine messages the model may raise
	// to medium by itself.
	MaxHardFPR float64
	// MinThreshold is the lowest threshold allowed (log-odds): the model
	// never fires on a message it thinks more likely genuine.
	MinThreshold float64
	// NaiveBayes fits multinomial naive Bayes log-count ratios instead of
	// the logistic regression (measured as an alternative; Rate, L2 and
	// Epochs are then unused).
	NaiveBayes bool `json:",omitempty"`
}

// DefaultConfig is the config of the shipped model.
var DefaultConfig = Config{
	Features: DefaultFeatures, Bits: 18, Epochs: 12, Seed: 12, Rate: 0.1, L2: 1e-6,
	Folds: 4, MaxHardFPR: 0, MinThreshold: 0,
}

// Report says how the thresholds were set.
type Report struct {
	// Threshold and ThresholdZH are the ones chosen for English and
	// Chinese.
	Threshold, ThresholdZH float64
	// Hard is the number of hard genuine examples; HardOpen of them below
	// medium by the rules; HardFired of those the model fired on out of
	// fold at Threshold.
	Hard, HardOpen, HardFired int
	// ScamOpen is the number of scams below medium by the rules, ScamFired
	// those the model caught out of fold.
	ScamOpen, ScamFired int
	// NonZero is the number of non-zero weights of the final model.
	NonZero int
	// Texts is the SHA-256 of the examples' texts and labels, in order: the
	// same files folded differently (the classifier's folding changed)
	// give another, so a retraining can tell why its weights differ.
	Texts string
}

// vec is an example's features: distinct buckets, the count of each, and
// the 1/√n factor of its length.
type vec struct {
	idx  []uint32
	cnt  []float32
	norm float64
}

func vectorize(text []byte, set Features, bits uint8) vec {
	s := sink{shift: 64 - uint(bits)}
	each(text, set, &s)
	idx := s.out
	v := vec{norm: norm(len(idx))}
	slices.Sort(idx)
	for i, x := range idx {
		if i > 0 && idx[i-1] == x {
			v.cnt[len(v.cnt)-1]++
			continue
		}
		v.idx = append(v.idx, x)
		v.cnt = append(v.cnt, 1)
	}
	return v
}

// Train fits a model to ex and sets its thresholds: Folds models, each
// trained without one fold, score that fold; each language's threshold is
// the lowest at which at most MaxHardFPR of its hard genuine messages would
// be raised by the model alone (see threshold).
func Train(ex []Example, cfg Config) (*Model, Report, error) {
	if cfg.Bits < 8 || cfg.Bits > maxBits || cfg.Features == 0 || cfg.Features&^allFeatures != 0 || cfg.Epochs < 1 || cfg.Folds < 2 {
		return nil, Report{}, fmt.Errorf("model: bad config %+v", cfg)
	}
	var scam, genuine float64
	for _, e := range ex {
		if e.Scam {
			scam += weightOf(e)
		} else {
			genuine += weightOf(e)
		}
	}
	if scam == 0 || genuine == 0 {
		return nil, Report{}, errors.New("model: training needs both scams and genuine messages")
	}
	vecs := make([]vec, len(ex))
	ws := make([]float64, len(ex))
	for i, e := range ex {
		vecs[i] = vectorize(e.Text, cfg.Features, cfg.Bits)
		// Each class weighs half of the whole, as if there were len(ex)/2
		// examples of each.
		total := scam
		if !e.Scam {
			total = genuine
		}
		ws[i] = weightOf(e) / total * float64(len(ex)) / 2
	}
	fold := make([]int, len(ex))
	for i, e := range ex {
		// By the text, so a message written twice stays in one fold.
		fold[i] = int(mix(fnv(e.Text)^uint64(cfg.Seed)) % uint64(cfg.Folds))
	}
	oof := make([]float64, len(ex)) // each score by the model that did not see it
	for k := 0; k < cfg.Folds; k++ {
		m := fit(vecs, ex, ws, func(i int) bool { return fold[i] != k }, cfg)
		for i := range ex {
			if fold[i] == k {
				oof[i] = m.scoreVec(vecs[i])
			}
		}
	}
	var rep Report
	rep.Threshold = threshold(ex, oof, false, cfg)
	rep.ThresholdZH = threshold(ex, oof, true, cfg)
	for i, e := range ex {
		t := rep.Threshold
		if e.ZH {
			t = rep.ThresholdZH
		}
		switch {
		case !e.Scam && e.Hard:
			rep.Hard++
			if e.Open {
				rep.HardOpen++
				if oof[i] >= t {
					rep.HardFired++
				}
			}
		case e.Scam && e.Open:
			rep.ScamOpen++
			if oof[i] >= t {
				rep.ScamFired++
			}
		}
	}
	h := sha256.New()
	for _, e := range ex {
		label := byte('g')
		if e.Scam {
			label = 's'
		}
		h.Write([]byte{label})
		h.Write(e.Text)
		h.Write([]byte{0})
	}
	rep.Texts = hex.EncodeToString(h.Sum(nil))
	m := fit(vecs, ex, ws, func(int) bool { return true }, cfg)
	m.Threshold, m.ThresholdZH = float32(rep.Threshold), float32(rep.ThresholdZH)
	for _, w := range m.Weights {
		if w != 0 {
			rep.NonZero++
		}
	}
	return m, rep, nil
}

// threshold is the lowest score at which at most MaxHardFPR of the hard
// genuine messages of a language (zh or not) would be raised by the model
// alone: they are open and score, out of fold, at or above it. A language
// with no hard genuine message takes the threshold of all of them.
func threshold(ex []Example, oof []float64, zh bool, cfg Config) float64 {
	var hard int
	var open []float64
	for _, pass := range []bool{true, false} {
		for i, e := range ex {
			if !e.Scam && e.Hard && (!pass || e.ZH == zh) {
				hard++
				if e.Open {
					open = append(open, oof[i])
				}
			}
		}
		if hard > 0 {
			break
		}
	}
	slices.Sort(open)
	slices.Reverse(open)
	allowed := int(cfg.MaxHardFPR * float64(hard))
	t := cfg.MinThreshold
	if allowed < len(open) {
		// Just above the first score that would be one too many.
		t = max(t, float64(math.Nextafter32(float32(open[allowed]), float32(math.Inf(1)))))
	}
	return float64(float32(t))
}

func weightOf(e Example) float64 {
	if e.Weight == 0 {
		return 1
	}
	return e.Weight
}

// fit runs AdaGrad on the logistic loss over the examples use selects and
// returns the quantised model.
func fit(vecs []vec, ex []Example, ws []float64, use func(int) bool, cfg Config) *Model {
	if cfg.NaiveBayes {
		return fitBayes(vecs, ex, ws, use, cfg)
	}
	size := 1 << cfg.Bits
	w := make([]float64, size)
	g2 := make([]float64, size)
	var bias, bg2 float64
	var order []int
	for i := range vecs {
		if use(i) {
			order = append(order, i)
		}
	}
	const eps = 1e-8
	for epoch := 0; epoch < cfg.Epochs; epoch++ {
		rng := rand.New(rand.NewPCG(cfg.Seed, uint64(epoch)))
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, i := range order {
			v := vecs[i]
			z := bias
			for k, j := range v.idx {
				z += w[j] * float64(v.cnt[k]) * v.norm
			}
			y := 0.0
			if ex[i].Scam {
				y = 1
			}
			g := (sigmoid(z) - y) * ws[i]
			bg2 += g * g
			bias -= cfg.Rate * g / math.Sqrt(bg2+eps)
			for k, j := range v.idx {
				gj := g*float64(v.cnt[k])*v.norm + cfg.L2*w[j]
				g2[j] += gj * gj
				w[j] -= cfg.Rate * gj / math.Sqrt(g2[j]+eps)
			}
		}
	}
	return quantise(w, bias, cfg)
}

// fitBayes sets each bucket's weight to the log ratio of its smoothed,
// weighted frequency among scams to that among genuine messages, and the
// bias to the log ratio of the classes' weights (even, after balancing).
func fitBayes(vecs []vec, ex []Example, ws []float64, use func(int) bool, cfg Config) *Model {
	size := 1 << cfg.Bits
	scam, genuine := make([]float64, size), make([]float64, size)
	var nScam, nGenuine, wScam, wGenuine float64
	for i, v := range vecs {
		if !use(i) {
			continue
		}
		counts, total, classW := genuine, &nGenuine, &wGenuine
		if ex[i].Scam {
			counts, total, classW = scam, &nScam, &wScam
		}
		*classW += ws[i]
		for k, j := range v.idx {
			c := float64(v.cnt[k]) * ws[i]
			counts[j] += c
			*total += c
		}
	}
	const alpha = 0.5 // additive smoothing per bucket
	w := make([]float64, size)
	for j := range w {
		w[j] = math.Log((scam[j]+alpha)/(nScam+alpha*float64(size))) - math.Log((genuine[j]+alpha)/(nGenuine+alpha*float64(size)))
	}
	return quantise(w, math.Log(wScam/wGenuine), cfg)
}

// quantise maps weights to int8 with one scale: the largest weight maps to
// 127, so the table is a quarter of float32's and scores stay in integers.
func quantise(w []float64, bias float64, cfg Config) *Model {
	top := 0.0
	for _, x := range w {
		top = max(top, math.Abs(x))
	}
	scale := float32(1)
	if top > 0 {
		scale = float32(top / 127)
	}
	m := &Model{Features: cfg.Features, Bits: cfg.Bits, Bias: float32(bias), Scale: scale, Weights: make([]int8, len(w))}
	for i, x := range w {
		m.Weights[i] = int8(math.Round(x / float64(scale)))
	}
	return m
}

// scoreVec scores a vectorised text as Score scores its bytes.
func (m *Model) scoreVec(v vec) float64 {
	var sum int32
	for k, j := range v.idx {
		sum += int32(m.Weights[j]) * int32(v.cnt[k])
	}
	return float64(m.Bias) + float64(m.Scale)*float64(sum)*v.norm
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}
