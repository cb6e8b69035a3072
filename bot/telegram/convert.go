package telegram

import (
	"context"
	"strconv"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"go.uber.org/zap"

	"github.com/scamcheck/scamcheck/bot"
)

// convert turns a Telegram update into the engine's update and a responder
// for it. ok is false for updates the bot does not answer: edits, channel
// posts, updates without a sender, plain chatter in groups.
func (p *Poller) convert(u tgbotapi.Update) (bot.Update, bot.Responder, bool) {
	return Convert(p.Client, p.Logger, u)
}

// Convert is the mapping from Telegram's update to the engine's; exported
// for the webhook transport to come.
func Convert(c *Client, log *zap.Logger, u tgbotapi.Update) (bot.Update, bot.Responder, bool) {
	self := c.Self()
	id := "tg:" + strconv.FormatInt(self.ID, 10) + ":" + strconv.Itoa(u.UpdateID)
	switch {
	case u.Message != nil:
		m := u.Message
		if m.From == nil || m.Chat == nil || m.From.IsBot {
			return bot.Update{}, nil, false
		}
		in := bot.Update{
			ID:      id,
			UserID:  strconv.FormatInt(m.From.ID, 10),
			ChatKey: "chat:" + strconv.FormatInt(m.Chat.ID, 10),
			Lang:    m.From.LanguageCode,
		}
		text := m.Text
		if text == "" {
			text = m.Caption
		}
		// A forwarded message is always a message to check, never the
		// person's own words. Bot API 7's forward_origin reaches here as
		// ForwardDate (decode.go's markForwardOrigin).
		forwarded := m.ForwardDate != 0 || m.ForwardFrom != nil || m.ForwardFromChat != nil || m.ForwardSenderName != ""
		cmd, arg, isCmd := bot.ParseCommand(text, self.UserName)
		switch {
		case isCmd && !forwarded:
			in.Kind, in.Command, in.Arg = bot.KindCommand, cmd, arg
		case !m.Chat.IsPrivate():
			// In groups the bot answers commands only; it must not
			// classify everyone's chatter.
			return bot.Update{}, nil, false
		case len(m.Photo) > 0 || m.Document != nil:
			in.Kind, in.Text, in.File = bot.KindImage, m.Caption, attachment(c, m)
		case m.Voice != nil:
			in.Kind = bot.KindVoice
			id := m.Voice.FileID
			in.File = &bot.Attachment{Size: int64(m.Voice.FileSize), MIME: m.Voice.MimeType,
				Fetch: func(ctx context.Context, limit int64) ([]byte, error) { return c.Download(ctx, id, limit) }}
		case m.Audio != nil || m.VideoNote != nil:
			in.Kind = bot.KindVoice
		case text != "":
			in.Kind, in.Text, in.Forwarded = bot.KindText, text, forwarded
		default:
			in.Kind = bot.KindUnsupported
		}
		return in, &responder{c: c, log: log, chatID: m.Chat.ID}, true
	case u.CallbackQuery != nil:
		q := u.CallbackQuery
		if q.From == nil {
			return bot.Update{}, nil, false
		}
		in := bot.Update{
			ID:     id,
			UserID: strconv.FormatInt(q.From.ID, 10),
			Lang:   q.From.LanguageCode,
			Kind:   bot.KindChoice,
			Data:   q.Data,
		}
		r := &responder{c: c, log: log, cb: q}
		if q.Message != nil && q.Message.Chat != nil {
			in.ChatKey = "chat:" + strconv.FormatInt(q.Message.Chat.ID, 10)
			r.chatID = q.Message.Chat.ID
			r.markPressed = q.Message.Chat.IsPrivate()
		} else {
			// A button on an inline message: no chat to order by or to
			// answer in but the person's own.
			in.ChatKey = "chat:" + in.UserID
			r.chatID = q.From.ID
		}
		return in, r, true
	}
	return bot.Update{}, nil, false
}

// attachment is the photo or image file of m, fetched through c when it
// is read. Of a photo's sizes it is the largest that the bot downloads
// (Telegram lists them smallest first); if none is small enough, the
// smallest, whose size then gets the "too big" answer.
func attachment(c *Client, m *tgbotapi.Message) *bot.Attachment {
	var id string
	a := &bot.Attachment{}
	if d := m.Document; d != nil {
		id, a.Size, a.MIME = d.FileID, int64(d.FileSize), d.MimeType
		if a.MIME == "" {
			a.MIME = "application/octet-stream"
		}
	} else {
		best := -1
		for i, p := range m.Photo {
			if int64(p.FileSize) > bot.DefaultMaxImageBytes {
				continue
			}
			if best < 0 || p.Width*p.Height > m.Photo[best].Width*m.Photo[best].Height {
				best = i
			}
		}
		if best < 0 {
			best = 0
		}
		id, a.Size = m.Photo[best].FileID, int64(m.Photo[best].FileSize)
	}
	a.Fetch = func(ctx context.Context, limit int64) ([]byte, error) { return c.Download(ctx, id, limit) }
	return a
}
