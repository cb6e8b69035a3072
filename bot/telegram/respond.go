package telegram

import (
	"context"
	"net/http"
	"strings"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"go.uber.org/zap"

	"github.com/scamcheck/scamcheck/dialogs"
)

// MaxMessageUTF16 is how long one message may be. Telegram allows 4096
// characters, counted in UTF-16 code units; the margin keeps us clear of
// any difference in counting.
const MaxMessageUTF16 = 4000

// responder delivers one update's replies to its chat.
type responder struct {
	c      *Client
	log    *zap.Logger
	chatID int64
	// cb is the pressed button's query, for choice updates.
	cb *tgbotapi.CallbackQuery
	// markPressed edits the pressed message to show the choice and drop
	// its keyboard (in private chats; in a group it may be someone else's).
	markPressed bool
}

// Respond answers the button press (always, so the spinner stops), marks
// the pressed keyboard as used, then sends each reply split under the
// length limit with its keyboard on the last part.
func (r *responder) Respond(ctx context.Context, replies []dialogs.Rendered) error {
	if r.cb != nil {
		// Once, without retries: a 429 wait here would hold back the
		// replies, which matter more than the spinner.
		_, err := r.c.request(tgbotapi.NewCallback(r.cb.ID, ""))
		r.c.outbox().observe("answerCallbackQuery", err)
		if err != nil {
			// A press answered late or twice is harmless; the replies matter.
			r.log.Info("callback query not answered", zap.Error(err))
		}
		if r.markPressed && r.cb.Message != nil && r.cb.Message.Chat != nil {
			r.markChoice(ctx, r.cb.Message, r.cb.Data)
		}
	}
	if r.chatID == 0 {
		return nil
	}
	for _, rep := range replies {
		parts := Split(rep.Text, MaxMessageUTF16)
		for i, part := range parts {
			m := tgbotapi.NewMessage(r.chatID, part)
			// Plain text: nothing a template or a parameter holds can be
			// read as markup.
			m.DisableWebPagePreview = true
			if i == len(parts)-1 && len(rep.Choices) > 0 {
				m.ReplyMarkup = keyboard(rep.Choices)
			}
			if _, err := r.c.deliver(ctx, r.chatID, m); err != nil {
				if transient(err) || ctx.Err() != nil {
					return err // tried again later, or after a restart
				}
				// 403 (blocked the bot), 400 (chat gone): retrying cannot
				// help, and the update must not block the ones after it.
				r.log.Warn("reply not sent; giving up on this update's replies", zap.Error(err))
				return nil
			}
		}
	}
	return nil
}

// markChoice replaces the pressed keyboard by a line saying what was
// chosen, so old buttons cannot be pressed again by mistake.
func (r *responder) markChoice(ctx context.Context, msg *tgbotapi.Message, data string) {
	label := ""
	if msg.ReplyMarkup != nil {
		for _, row := range msg.ReplyMarkup.InlineKeyboard {
			for _, b := range row {
				if b.CallbackData != nil && *b.CallbackData == data {
					label = b.Text
				}
			}
		}
	}
	var edit tgbotapi.Chattable
	text := msg.Text + "\n\n✓ " + label
	if label != "" && msg.Text != "" && utf16Len(text) <= MaxMessageUTF16 {
		edit = tgbotapi.NewEditMessageText(msg.Chat.ID, msg.MessageID, text)
	} else if msg.ReplyMarkup != nil {
		edit = tgbotapi.NewEditMessageReplyMarkup(msg.Chat.ID, msg.MessageID, tgbotapi.InlineKeyboardMarkup{InlineKeyboard: [][]tgbotapi.InlineKeyboardButton{}})
	} else {
		return
	}
	// Paced like a message (Telegram counts edits against the chat's
	// rate) but tried once: best effort, like the answer.
	o := r.c.outbox()
	err := o.wait(ctx, msg.Chat.ID)
	if err == nil {
		_, err = r.c.request(edit)
		o.observe(methodOf(edit), err)
		if d, ok := retryAfter(err); ok {
			o.pause(msg.Chat.ID, d) // the replies after it wait too
		}
	}
	if err != nil {
		if e := apiError(err); e != nil && e.Code == http.StatusBadRequest {
			r.log.Debug("pressed keyboard not updated", zap.Error(err)) // gone or already edited
			return
		}
		r.log.Info("pressed keyboard not updated", zap.Error(err))
	}
}

func keyboard(rows [][]dialogs.RenderedChoice) tgbotapi.InlineKeyboardMarkup {
	kb := tgbotapi.InlineKeyboardMarkup{InlineKeyboard: make([][]tgbotapi.InlineKeyboardButton, 0, len(rows))}
	for _, row := range rows {
		var r []tgbotapi.InlineKeyboardButton
		for _, c := range row {
			if c.Data == "" || len(c.Data) > dialogs.MaxChoiceData {
				continue // Telegram would refuse the whole message
			}
			r = append(r, tgbotapi.NewInlineKeyboardButtonData(c.Label, c.Data))
		}
		if len(r) > 0 {
			kb.InlineKeyboard = append(kb.InlineKeyboard, r)
		}
	}
	return kb
}

// Split cuts text into parts of at most limit UTF-16 code units, at line
// breaks where it can, else at spaces, else between runes; it never cuts a
// rune (or a surrogate pair) in two. Empty text gives no parts.
func Split(text string, limit int) []string {
	text = strings.TrimSpace(text)
	var parts []string
	for text != "" {
		if utf16Len(text) <= limit {
			parts = append(parts, text)
			break
		}
		// The longest prefix within the limit.
		end, units := 0, 0
		for end < len(text) {
			r, size := utf8.DecodeRuneInString(text[end:])
			n := 1
			if r >= 0x10000 {
				n = 2
			}
			if units+n > limit {
				break
			}
			units += n
			end += size
		}
		if end == 0 { // limit below one rune; cannot happen with sane limits
			_, size := utf8.DecodeRuneInString(text)
			end = size
		}
		cut := end
		if i := strings.LastIndex(text[:end], "\n"); i > end/2 {
			cut = i
		} else if i := strings.LastIndex(text[:end], " "); i > end/2 {
			cut = i
		}
		part := strings.TrimSpace(text[:cut])
		if part != "" {
			parts = append(parts, part)
		}
		text = strings.TrimSpace(text[cut:])
	}
	return parts
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
