package telegram

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"go.uber.org/zap"
)

// DropObserver counts updates that were confirmed to Telegram (or
// acknowledged to its webhook) without being handled; the metrics package
// implements it. reason is one of the Drop* constants.
type DropObserver interface {
	UpdateDropped(reason string)
}

// Reasons an update is confirmed without being handled.
const (
	// DropUndecodable: the update's JSON did not fit the library's types
	// (Telegram added or changed a field).
	DropUndecodable = "undecodable"
	// DropBacklog: the person's chat already had as many updates in hand as
	// one chat may have; the update was confirmed without a reply.
	DropBacklog = "backlog"
	// DropShutdown: an acknowledged update was still unhandled when the
	// shutdown grace ran out.
	DropShutdown = "shutdown"
)

// undecodable describes an update that could not be decoded, without any
// of its content: its id (0 when even that is unreadable) and the path of
// the field that did not fit.
type undecodable struct {
	id    int
	field string
}

// decodeBatch decodes getUpdates' result element by element, so that one
// update of an unexpected shape does not make the whole batch, and every
// batch after it, fail. err is set only when the result is not a JSON
// array at all.
func decodeBatch(result json.RawMessage) (good []tgbotapi.Update, bad []undecodable, err error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(result, &raws); err != nil {
		// The error names a JSON kind and an offset, never content.
		return nil, nil, fmt.Errorf("getUpdates result is not an array: %w", err)
	}
	for _, raw := range raws {
		u, bu, ok := decodeUpdate(raw)
		if !ok {
			bad = append(bad, bu)
			continue
		}
		good = append(good, u)
	}
	return good, bad, nil
}

// decodeUpdate decodes one update. When it does not fit, the update_id is
// read on its own and the failing field is named.
func decodeUpdate(raw []byte) (tgbotapi.Update, undecodable, bool) {
	var u tgbotapi.Update
	err := json.Unmarshal(raw, &u)
	if err == nil {
		markForwardOrigin(raw, &u)
		return u, undecodable{}, true
	}
	var head struct {
		UpdateID int `json:"update_id"`
	}
	_ = json.Unmarshal(raw, &head) // a wrong id type leaves 0
	return tgbotapi.Update{}, undecodable{id: head.UpdateID, field: failedField(err)}, false
}

// forwardOriginKey is the field Bot API 7.0 put in place of forward_from,
// forward_from_chat, forward_sender_name and forward_date.
var forwardOriginKey = []byte(`"forward_origin"`)

// markForwardOrigin carries a message's forward_origin over to the field
// the library knows. telegram-bot-api v5.5.1 predates Bot API 7.0, which
// sends forward_origin alone, so without this a forwarded message would
// look typed, and a forwarded message is always one to check. Only bodies
// that mention the key pay for the second decode.
func markForwardOrigin(raw []byte, u *tgbotapi.Update) {
	if u.Message == nil || u.Message.ForwardDate != 0 || !bytes.Contains(raw, forwardOriginKey) {
		return
	}
	var origin struct {
		Message struct {
			ForwardOrigin *struct {
				Date int `json:"date"`
			} `json:"forward_origin"`
		} `json:"message"`
	}
	if json.Unmarshal(raw, &origin) != nil || origin.Message.ForwardOrigin == nil {
		return
	}
	// The date is what convert reads as "forwarded"; an origin without
	// one still marks the message.
	u.Message.ForwardDate = max(origin.Message.ForwardOrigin.Date, 1)
}

// failedField names where decoding failed: the field's path for a type
// mismatch, "syntax" for malformed JSON. The error's own text is not used:
// it may quote a character of the message.
func failedField(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return te.Field
		}
		return "(top level)"
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return "syntax"
	}
	return "unknown"
}

// logUndecodable logs and counts an update confirmed without handling
// because it could not be decoded: its id and the field, never a value.
func logUndecodable(log *zap.Logger, obs DropObserver, u undecodable) {
	log.Warn("update could not be decoded; confirmed without handling",
		zap.Int("update_id", u.id), zap.String("field", u.field))
	if obs != nil {
		obs.UpdateDropped(DropUndecodable)
	}
}
