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
	if c.model == nil || v.Level >= LevelMedium || reassuredWithoutChannel(v) || !c.model.Fires(folded, v.Lang == "zh") {
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

// reassuredWithoutChannel reports a message in which the rules found a
// sign of a genuine message's genre (genreSignals: a shop's opt-out line,
// an institution's salutation, a payout to the reader's own account) and
// which gives its reader no way to act on a scam: no link, phone number,
// chat handle, wallet or app. The model's wording alone does not make
// such a message medium: it offers nothing to click, call or write to.
func reassuredWithoutChannel(v *Verdict) bool {
	reassured := false
	for _, s := range v.Signals {
		if s.Weight < 0 && genreSignals[s.ID] {
			reassured = true
			break
		}
	}
	if !reassured {
		return false
	}
	e := v.Entities
	return e == nil || len(e.URLs)+len(e.Phones)+len(e.Handles)+len(e.Crypto)+len(e.Apps) == 0
}

// genreSignals are the rules' signs of a genuine message's genre that a
// scam's costume does not copy: a shop's opt-out line, an institution's
// salutation, a payout to the reader's own account, a payment made in
// person, a message that only cites scams, a relative who sends the
// reader to the family's known line. The disclaimers a costume does copy
// ("we will never ask for your password", a warning's words) are not
// among them: measured on the written and dev sets, every scam the model
// would have lost carried one of those.
var genreSignals = map[string]bool{
	"marketing_optout":       true,
	"inst_notice_salute":     true,
	"payout_own_account":     true,
	"paid_in_person":         true,
	"cited_only":             true,
	"family_known_line_zh":   true,
	"family_offers_check_zh": true,
	"family_offers_check_en": true,
}

// modelError names the learned model in a load error.
func modelError(err error) error {
	return fmt.Errorf("classifier model: %w", err)
}
