package classifier

import (
	"fmt"

	"github.com/scamcheck/scamcheck/classifier/model"
	"github.com/scamcheck/scamcheck/classifier/rules"
)

// The learned model's signal: its id, and the locale message that explains
// it ("the wording is very like known scams").
const (
	ModelSignalID = "model_wording"
	modelExplain  = "sig.model_wording"
)

// NewWithModel compiles the embedded rules and adds m as the learned second
// opinion; nil means rules only (to measure the rules alone, or a model
// trained without some source).
func NewWithModel(m *model.Model) (*Classifier, error) {
	c, err := newFromFS(rules.FS, ".")
	if err != nil {
		return nil, err
	}
	c.model = m
	return c, nil
}

// Fold returns text as the classifier reads it (lower case, simplified
// characters, disguises undone): what the learned model is trained and
// scored on.
func Fold(text string) []byte {
	var f folded
	fold(&f, text)
	return f.text
}

// applyModel lets the learned model lift a verdict the rules put below
// medium to medium, never higher: the model has no reasons of its own to
// show, only a resemblance, so it cannot say "this is a scam" alone. It
// never lowers a verdict. Its signal comes first, since it is what made the
// verdict medium; the rules' weaker signals follow.
func (c *Classifier) applyModel(v *Verdict, folded []byte) {
	if c.model == nil || v.Level >= LevelMedium || !c.model.Fires(folded, v.Lang == "zh") {
		return
	}
	medium := c.rs.levels.Medium
	sig := Signal{ID: ModelSignalID, Explain: modelExplain, Weight: medium - v.Score}
	v.Signals = append([]Signal{sig}, v.Signals...)
	v.Score = medium
	v.Level = LevelMedium
	if v.Type == TypeNone {
		for _, s := range v.Signals {
			if s.Type != TypeNone && s.Weight > 0 {
				v.Type = s.Type
				break
			}
		}
	}
}

// modelError names the learned model in a load error.
func modelError(err error) error {
	return fmt.Errorf("classifier model: %w", err)
}
