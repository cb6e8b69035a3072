package model

import (
	"bytes"
	"math"
	"testing"
	"unicode/utf8"
)

// tiny is a small labelled set written for these tests.
var tiny = []struct {
	text string
	scam bool
}{
	{"转账到安全账户 配合调查 不要告诉家人", true},
	{"兼职刷单 日结 加v详聊", true},
	{"your parcel is on hold pay the fee at this link now", true},
	{"verify your account now or it will be suspended", true},
	{"晚上一起吃饭吗 老地方见", false},
	{"妈妈 我到学校了 明天打电话", false},
	{"running late see you at the station", false},
	{"your order has shipped and will arrive on tuesday", false},
}

func tinyExamples() []Example {
	var ex []Example
	for _, t := range tiny {
		ex = append(ex, Example{Text: []byte(t.text), Scam: t.scam, Hard: !t.scam, Open: true, ZH: t.text[0] >= 0x80})
	}
	return ex
}

var tinyConfig = Config{Features: DefaultFeatures | Char4, Bits: 12, Epochs: 20, Seed: 3, Rate: 0.1, Folds: 2, MaxHardFPR: 0}

func TestTrainIsDeterministic(t *testing.T) {
	a, ra, err := Train(tinyExamples(), tinyConfig)
	if err != nil {
		t.Fatal(err)
	}
	b, rb, err := Train(tinyExamples(), tinyConfig)
	if err != nil {
		t.Fatal(err)
	}
	ab, _ := a.MarshalBinary()
	bb, _ := b.MarshalBinary()
	if !bytes.Equal(ab, bb) || ra != rb {
		t.Errorf("two trainings on the same examples differ: reports %+v and %+v", ra, rb)
	}
	c := tinyConfig
	c.Seed++
	other, _, err := Train(tinyExamples(), c)
	if err != nil {
		t.Fatal(err)
	}
	if ob, _ := other.MarshalBinary(); bytes.Equal(ab, ob) {
		t.Error("another seed gave the same weights: the seed is not used")
	}
}

func TestTrainLearnsTheSet(t *testing.T) {
	m, _, err := Train(tinyExamples(), tinyConfig)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tiny {
		s := m.Score([]byte(tc.text))
		if got := s > 0; got != tc.scam {
			t.Errorf("score of %q: got %.3f, want the sign of scam=%v", tc.text, s, tc.scam)
		}
	}
}

func TestTrainRejects(t *testing.T) {
	onlyScams := []Example{{Text: []byte("pay now"), Scam: true}}
	if _, _, err := Train(onlyScams, tinyConfig); err == nil {
		t.Error("training on one class: got no error")
	}
	bad := tinyConfig
	bad.Bits = 40
	if _, _, err := Train(tinyExamples(), bad); err == nil {
		t.Error("40 bits: got no error")
	}
}

// The threshold lets at most MaxHardFPR of the hard genuine messages
// through, out of fold, and never goes below MinThreshold.
func TestThresholdHoldsHardGenuine(t *testing.T) {
	_, rep, err := Train(tinyExamples(), tinyConfig)
	if err != nil {
		t.Fatal(err)
	}
	if rep.HardFired != 0 {
		t.Errorf("hard genuine fired out of fold: got %d, want 0 (MaxHardFPR 0)", rep.HardFired)
	}
	if rep.Threshold < tinyConfig.MinThreshold || rep.ThresholdZH < tinyConfig.MinThreshold {
		t.Errorf("thresholds %.3f, %.3f: below the minimum %.3f", rep.Threshold, rep.ThresholdZH, tinyConfig.MinThreshold)
	}
}

func TestMarshalLoadRoundTrip(t *testing.T) {
	m, _, err := Train(tinyExamples(), tinyConfig)
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tiny {
		if a, b := m.Score([]byte(tc.text)), got.Score([]byte(tc.text)); a != b {
			t.Errorf("score of %q after a round trip: got %v, want %v", tc.text, b, a)
		}
	}
}

func TestLoadRejects(t *testing.T) {
	m := &Model{Features: WordUni, Bits: 8, Scale: 1, Weights: make([]int8, 256)}
	good, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	nan := bytes.Clone(good)
	copy(nan[13:], []byte{0, 0, 0xc0, 0x7f}) // Scale = NaN
	for name, b := range map[string][]byte{
		"empty":        nil,
		"bad magic":    append([]byte("XXXX"), good[4:]...),
		"short":        good[:len(good)-1],
		"long":         append(bytes.Clone(good), 0),
		"unknown set":  append(append(bytes.Clone(good[:4]), 0, 0, 0, 0x80), good[8:]...),
		"bits 30":      append(append(bytes.Clone(good[:8]), 30), good[9:]...),
		"scale is NaN": nan,
	} {
		if _, err := Load(b); err == nil {
			t.Errorf("%s: got no error", name)
		}
	}
	if _, err := Load(good); err != nil {
		t.Errorf("good file: %v", err)
	}
}

func TestShippedLoadsAndScoresAlike(t *testing.T) {
	m, err := Shipped()
	if err != nil {
		t.Fatalf("Shipped: %v", err)
	}
	again, err := Load(shippedWeights)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tiny {
		a, b := m.Score([]byte(tc.text)), again.Score([]byte(tc.text))
		if a != b || math.IsNaN(a) {
			t.Errorf("score of %q: got %v and %v, want one finite score", tc.text, a, b)
		}
	}
	if m.Threshold <= 0 || m.ThresholdZH <= 0 {
		t.Errorf("thresholds %v, %v: want positive log-odds (the model fires only on what it thinks more likely a scam)", m.Threshold, m.ThresholdZH)
	}
}

// Only the first maxScanBytes count: a long paste costs no more than that.
func TestScoreReadsTheOpening(t *testing.T) {
	m, _, err := Train(tinyExamples(), tinyConfig)
	if err != nil {
		t.Fatal(err)
	}
	// 19 bytes a repeat: the limit falls inside a character, which is
	// left out whole.
	head := bytes.Repeat([]byte("兼职刷单日结 "), maxScanBytes/19+1)
	long := append(bytes.Clone(head), bytes.Repeat([]byte("晚上一起吃饭吗 "), 1000)...)
	cut := maxScanBytes
	for !utf8.RuneStart(long[cut]) {
		cut--
	}
	if cut == maxScanBytes {
		t.Fatal("the test text should put a character across the limit")
	}
	if a, b := m.Score(head[:cut]), m.Score(long); a != b {
		t.Errorf("score changed past the first %d bytes: got %v, want %v", maxScanBytes, b, a)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(shippedWeights[:64])
	f.Add([]byte("SCM\x02"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Load(b)
		if err == nil {
			m.Score([]byte("test 测试"))
		}
	})
}

func FuzzScore(f *testing.F) {
	for _, tc := range tiny {
		f.Add([]byte(tc.text))
	}
	f.Add([]byte("\xff\xfe\xe4\xb8"))
	m, err := Shipped()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		s := m.Score(text)
		if math.IsNaN(s) || math.IsInf(s, 0) {
			t.Errorf("score of %q: got %v, want a finite number", text, s)
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	b.SetBytes(int64(len(shippedWeights)))
	for i := 0; i < b.N; i++ {
		if _, err := Load(shippedWeights); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScore(b *testing.B) {
	m, err := Shipped()
	if err != nil {
		b.Fatal(err)
	}
	text := []byte("【某银行】您尾号1234的账户存在异常 请点击链接验证 否则将冻结 加v详聊 日结300")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		m.Score(text)
	}
}

// The naive Bayes alternative learns the tiny set too.
func TestNaiveBayesLearnsTheSet(t *testing.T) {
	cfg := tinyConfig
	cfg.NaiveBayes = true
	m, _, err := Train(tinyExamples(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tiny {
		if s := m.Score([]byte(tc.text)); (s > 0) != tc.scam {
			t.Errorf("naive Bayes score of %q: got %.3f, want the sign of scam=%v", tc.text, s, tc.scam)
		}
	}
}
