// Package telegramtest is a fake Telegram Bot API for tests: an httptest
// server that the real telegram-bot-api client talks to. It queues updates
// for getUpdates (honouring offset, limit and a shortened long-poll
// timeout), keeps the messages the bot sends and edits, records every call,
// enforces Telegram's limits on text length and callback data, and can be
// told to fail the next call of a method with 429 (retry_after), 5xx or 409.
// After setWebhook it POSTs queued updates to the webhook with the secret
// token instead (webhook.go), and Post addresses one webhook directly.
//
// A load driver sets Lean: the fake then keeps counts and each chat's last
// message with a keyboard instead of every call and message, so that its
// memory does not grow with the traffic it serves.
package telegramtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Limits Telegram enforces (and so does the fake).
const (
	MaxTextUTF16     = 4096
	MaxCallbackBytes = 64
)

// Call is one request the bot made.
type Call struct {
	Method string
	Params url.Values
}

// Failure is an error the fake answers instead of doing the call.
type Failure struct {
	// Code is the HTTP status and error_code: 429, 409, 500, 502, ...
	Code int
	// RetryAfter is parameters.retry_after (seconds) for 429.
	RetryAfter int
	// HTML answers with a non-JSON body, as a proxy in front of the API
	// does on 502.
	HTML bool
}

// Server is a fake Bot API. Its zero value is not usable; call New.
type Server struct {
	// Token is the only token accepted; others get 401.
	Token string
	// Bot is what getMe returns.
	Bot tgbotapi.User
	// MaxPoll caps the long-poll wait of getUpdates so tests stay fast.
	MaxPoll time.Duration
	// Lean, set before the bot's first call, keeps only what a load
	// driver reads: Count and LastKeyboard. Calls, CallsTo and Sent then
	// return nothing, and an edit of a message the fake did not keep
	// succeeds (Telegram has it) instead of answering "not found".
	Lean bool

	srv *httptest.Server
	// hookClient posts to webhooks (webhook.go).
	hookClient *http.Client

	mu        sync.Mutex
	pushed    chan struct{} // closed and replaced when an update is queued
	queue     []queued
	nextID    int
	nextMsgID int
	calls     []Call
	failures  map[string][]Failure
	// chatFailures are failures for one chat's calls: method → chat → queue.
	chatFailures map[string]map[string][]Failure
	messages     map[int64]map[int]*tgbotapi.Message // chat → message id → message
	sent         []tgbotapi.Message                  // sendMessage results, in order
	// lastKeyboard is each chat's last message sent with a keyboard (its
	// id in messages).
	lastKeyboard map[int64]int
	counts       map[string]int  // calls by method
	hook         webhookState    // webhook.go
	files        map[string]file // getFile and downloads (files.go)
	// delays hold the next calls of a method before they are done.
	delays map[string][]time.Duration
	// sentTo counts sendMessage calls per chat, in Lean mode too.
	sentTo map[int64]int
}

type queued struct {
	id  int
	raw json.RawMessage
	// force delivers the update once even below the offset (a redelivery).
	force bool
}

// New starts a fake server for token; it stops when t ends.
func New(t testing.TB, token string) *Server {
	s := &Server{
		Token:        token,
		Bot:          tgbotapi.User{ID: botIDFromToken(token), IsBot: true, FirstName: "ScamCheck", UserName: "scamcheck_test_bot"},
		MaxPoll:      500 * time.Millisecond,
		pushed:       make(chan struct{}),
		nextID:       1000,
		nextMsgID:    1,
		failures:     map[string][]Failure{},
		chatFailures: map[string]map[string][]Failure{},
		messages:     map[int64]map[int]*tgbotapi.Message{},
		lastKeyboard: map[int64]int{},
		counts:       map[string]int{},
		delays:       map[string][]time.Duration{},
		sentTo:       map[int64]int{},
		hookClient:   newHookClient(),
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	t.Cleanup(s.hookClient.CloseIdleConnections)
	t.Cleanup(s.stopDelivery)
	return s
}

func botIDFromToken(token string) int64 {
	id, _ := strconv.ParseInt(strings.SplitN(token, ":", 2)[0], 10, 64)
	return id
}

// URL is the base URL to give the bot as TELEGRAM_API_URL.
func (s *Server) URL() string { return s.srv.URL }

// Endpoint is the library's endpoint format for this server.
func (s *Server) Endpoint() string { return s.srv.URL + "/bot%s/%s" }

// User makes a Telegram user with a language code.
func User(id int64, lang string) tgbotapi.User {
	return tgbotapi.User{ID: id, FirstName: "Test" + strconv.FormatInt(id, 10), LanguageCode: lang}
}

// Push queues an update (its UpdateID is assigned when zero) and returns
// its id.
func (s *Server) Push(u tgbotapi.Update) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u.UpdateID == 0 {
		s.nextID++
		u.UpdateID = s.nextID
	} else if u.UpdateID > s.nextID {
		s.nextID = u.UpdateID
	}
	raw, err := json.Marshal(u)
	if err != nil {
		panic(fmt.Sprintf("telegramtest: encode update: %v", err))
	}
	s.enqueue(queued{id: u.UpdateID, raw: raw})
	return u.UpdateID
}

// PushRaw queues an update given as JSON (for shapes the library's types
// cannot build); "update_id" is set when missing. It returns the id.
func (s *Server) PushRaw(js string) int {
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(js), &m); err != nil {
		panic(fmt.Sprintf("telegramtest: PushRaw: %v", err))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var id int
	if raw, ok := m["update_id"]; ok {
		_ = json.Unmarshal(raw, &id)
	} else {
		s.nextID++
		id = s.nextID
		m["update_id"] = json.RawMessage(strconv.Itoa(id))
	}
	raw, _ := json.Marshal(m)
	s.enqueue(queued{id: id, raw: raw})
	return id
}

// PushUndecodable queues a private message from from whose "text" is the
// number n instead of a string: an update of a shape the library's types
// do not accept, as when Telegram changes a field. It returns its id.
func (s *Server) PushUndecodable(from tgbotapi.User, n int64) int {
	m := s.message(from, "")
	raw, err := json.Marshal(m)
	if err != nil {
		panic(fmt.Sprintf("telegramtest: encode message: %v", err))
	}
	var fields map[string]json.RawMessage
	_ = json.Unmarshal(raw, &fields)
	fields["text"] = json.RawMessage(strconv.FormatInt(n, 10))
	msg, _ := json.Marshal(fields)
	return s.PushRaw(`{"message":` + string(msg) + `}`)
}

// ForwardMany queues n private messages that from forwarded, all with
// text, at once (a person forwarding a whole chat), and returns their ids.
func (s *Server) ForwardMany(from tgbotapi.User, text string, n int) []int {
	ids := make([]int, 0, n)
	for range n {
		ids = append(ids, s.pushForwarded(s.message(from, text)))
	}
	return ids
}

// pushForwarded queues m as Telegram sends a forwarded message since Bot
// API 7.0: with forward_origin only, a field the library's types lack.
func (s *Server) pushForwarded(m *tgbotapi.Message) int {
	raw, err := json.Marshal(m)
	if err != nil {
		panic(fmt.Sprintf("telegramtest: encode message: %v", err))
	}
	var fields map[string]json.RawMessage
	_ = json.Unmarshal(raw, &fields)
	origin, _ := json.Marshal(map[string]any{
		"type": "hidden_user", "sender_user_name": "Unknown sender", "date": time.Now().Unix() - 60,
	})
	fields["forward_origin"] = origin
	msg, _ := json.Marshal(fields)
	return s.PushRaw(`{"message":` + string(msg) + `}`)
}

// Redeliver queues an update that was already delivered, as Telegram does
// when the bot crashed before confirming it: it is delivered once even if
// the bot's offset has moved past it.
func (s *Server) Redeliver(u tgbotapi.Update) {
	raw, err := json.Marshal(u)
	if err != nil {
		panic(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.enqueue(queued{id: u.UpdateID, raw: raw, force: true})
}

func (s *Server) enqueue(q queued) {
	// With a webhook set, the delivery loop (webhook.go) takes the queue.
	s.queue = append(s.queue, q)
	close(s.pushed)
	s.pushed = make(chan struct{})
}

// Text queues a private message typed by from and returns the update.
func (s *Server) Text(from tgbotapi.User, text string) tgbotapi.Update {
	u := tgbotapi.Update{Message: s.message(from, text)}
	u.UpdateID = s.Push(u)
	return u
}

// Forward queues a private message that from forwarded from someone else,
// with forward_origin as Telegram sends it now.
func (s *Server) Forward(from tgbotapi.User, text string) tgbotapi.Update {
	m := s.message(from, text)
	id := s.pushForwarded(m)
	// The returned update is what the library decodes: forward_origin is
	// beyond its types.
	return tgbotapi.Update{UpdateID: id, Message: m}
}

// Command queues "/cmd arg" with its bot_command entity.
func (s *Server) Command(from tgbotapi.User, text string) tgbotapi.Update {
	m := s.message(from, text)
	cmd, _, _ := strings.Cut(text, " ")
	m.Entities = []tgbotapi.MessageEntity{{Type: "bot_command", Offset: 0, Length: len(utf16.Encode([]rune(cmd)))}}
	u := tgbotapi.Update{Message: m}
	u.UpdateID = s.Push(u)
	return u
}

// Press queues from pressing the button with data under msg (a message
// the bot sent).
func (s *Server) Press(from tgbotapi.User, msg tgbotapi.Message, data string) tgbotapi.Update {
	s.mu.Lock()
	s.nextMsgID++
	qid := "cq" + strconv.Itoa(s.nextMsgID)
	s.mu.Unlock()
	m := msg
	u := tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{
		ID: qid, From: &from, Message: &m, ChatInstance: "ci" + strconv.FormatInt(from.ID, 10), Data: data,
	}}
	u.UpdateID = s.Push(u)
	return u
}

func (s *Server) message(from tgbotapi.User, text string) *tgbotapi.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextMsgID++
	f := from
	return &tgbotapi.Message{
		MessageID: s.nextMsgID, From: &f, Date: int(time.Now().Unix()),
		Chat: &tgbotapi.Chat{ID: from.ID, Type: "private", FirstName: from.FirstName},
		Text: text,
	}
}

// FailNext makes the next call of method fail with f (calls queue up).
func (s *Server) FailNext(method string, f Failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures[method] = append(s.failures[method], f)
}

// DelayNext makes the next call of method wait d and then succeed, even if
// the caller gave up meanwhile: Telegram, slow, still delivers a message
// whose request timed out (calls queue up).
func (s *Server) DelayNext(method string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delays[method] = append(s.delays[method], d)
}

// FailNextInChat makes the next call of method to chat fail with f, as
// Telegram's per-chat flood control does; calls to other chats go through.
func (s *Server) FailNextInChat(method string, chat int64, f Failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.chatFailures[method] == nil {
		s.chatFailures[method] = map[string][]Failure{}
	}
	id := strconv.FormatInt(chat, 10)
	s.chatFailures[method][id] = append(s.chatFailures[method][id], f)
}

// Calls returns every call so far, in order.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// CallsTo returns the calls of one method.
func (s *Server) CallsTo(method string) []Call {
	var out []Call
	for _, c := range s.Calls() {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// Sent returns the messages sent to chat with sendMessage, in order, as
// they are now (edits applied).
func (s *Server) Sent(chat int64) []tgbotapi.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []tgbotapi.Message
	for _, m := range s.sent {
		if m.Chat.ID == chat {
			out = append(out, *s.messages[chat][m.MessageID])
		}
	}
	return out
}

// Count is the number of calls of method so far (in Lean mode too).
func (s *Server) Count(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[method]
}

// SentCount is the number of messages sent to chat (in Lean mode too).
func (s *Server) SentCount(chat int64) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sentTo[chat]
}

// LastKeyboard returns the last message sent to chat with an inline
// keyboard, as it is now (an edit may have removed the keyboard since); ok
// is false when none was sent. It works in Lean mode too.
func (s *Server) LastKeyboard(chat int64) (m tgbotapi.Message, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.lastKeyboard[chat]
	if !ok {
		return tgbotapi.Message{}, false
	}
	return *s.messages[chat][id], true
}

// Pending is the number of queued updates not yet confirmed by an offset.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue)
}

// Wait polls until cond holds, failing t after timeout. It is for waiting
// on the bot's asynchronous answers, not for measuring time.
func (s *Server) Wait(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("telegramtest: gave up after %v waiting for %s; calls: %s", timeout, what, s.describeCalls())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// WaitSent waits until chat has received at least n messages and returns them.
func (s *Server) WaitSent(t testing.TB, chat int64, n int) []tgbotapi.Message {
	t.Helper()
	s.Wait(t, 15*time.Second, fmt.Sprintf("%d messages to chat %d", n, chat), func() bool { return len(s.Sent(chat)) >= n })
	return s.Sent(chat)
}

func (s *Server) describeCalls() string {
	var b strings.Builder
	for _, c := range s.Calls() {
		if c.Method == "getUpdates" {
			continue
		}
		fmt.Fprintf(&b, "\n  %s %v", c.Method, c.Params)
	}
	return b.String()
}

// serve dispatches /bot<token>/<method>.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if rest, ok := strings.CutPrefix(r.URL.Path, "/file/bot"); ok {
		s.download(w, rest)
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	token, method, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 {
		writeErr(w, Failure{Code: 404})
		return
	}
	if err := r.ParseForm(); err != nil {
		writeErr(w, Failure{Code: 400})
		return
	}
	s.mu.Lock()
	s.counts[method]++
	if !s.Lean {
		s.calls = append(s.calls, Call{Method: method, Params: r.Form})
	}
	var fail *Failure
	if fs := s.failures[method]; len(fs) > 0 {
		fail = &fs[0]
		s.failures[method] = fs[1:]
	} else if fs := s.chatFailures[method][r.Form.Get("chat_id")]; len(fs) > 0 {
		fail = &fs[0]
		s.chatFailures[method][r.Form.Get("chat_id")] = fs[1:]
	}
	var delay time.Duration
	if ds := s.delays[method]; len(ds) > 0 && fail == nil {
		delay = ds[0]
		s.delays[method] = ds[1:]
	}
	s.mu.Unlock()
	time.Sleep(delay)
	if token != s.Token {
		writeErr(w, Failure{Code: 401})
		return
	}
	if fail != nil {
		writeErr(w, *fail)
		return
	}
	switch method {
	case "getMe":
		writeOK(w, s.Bot)
	case "setMyCommands":
		writeOK(w, true)
	case "setWebhook", "deleteWebhook", "getWebhookInfo":
		s.webhookMethod(w, r, method)
	case "getUpdates":
		if s.webhookSet() {
			writeErrMsg(w, 409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
			return
		}
		s.getUpdates(w, r)
	case "sendMessage":
		s.sendMessage(w, r)
	case "getFile":
		s.getFile(w, r)
	case "editMessageText", "editMessageReplyMarkup":
		s.edit(w, r, method)
	case "answerCallbackQuery":
		if r.Form.Get("callback_query_id") == "" {
			writeErrMsg(w, 400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
			return
		}
		writeOK(w, true)
	default:
		writeErr(w, Failure{Code: 404})
	}
}

func (s *Server) getUpdates(w http.ResponseWriter, r *http.Request) {
	offset, _ := strconv.Atoi(r.Form.Get("offset"))
	limit, _ := strconv.Atoi(r.Form.Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	timeout, _ := strconv.Atoi(r.Form.Get("timeout"))
	wait := time.Duration(timeout) * time.Second
	if wait > s.MaxPoll {
		wait = s.MaxPoll
	}
	deadline := time.NewTimer(wait)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		// An offset confirms every update below it, as on Telegram.
		kept := s.queue[:0]
		var out []json.RawMessage
		for _, q := range s.queue {
			switch {
			case q.force && len(out) < limit:
				out = append(out, q.raw) // a redelivery goes once
			case q.force || q.id >= offset:
				kept = append(kept, q)
				if !q.force && len(out) < limit {
					out = append(out, q.raw)
				}
			}
		}
		s.queue = kept
		pushed := s.pushed
		s.mu.Unlock()
		if len(out) > 0 {
			writeOK(w, out)
			return
		}
		select {
		case <-pushed:
		case <-deadline.C:
			writeOK(w, []json.RawMessage{})
			return
		case <-r.Context().Done():
			return
		}
	}
}

func (s *Server) sendMessage(w http.ResponseWriter, r *http.Request) {
	chat, err := strconv.ParseInt(r.Form.Get("chat_id"), 10, 64)
	if err != nil {
		writeErrMsg(w, 400, "Bad Request: chat not found")
		return
	}
	text := r.Form.Get("text")
	markup, msg := checkMessage(text, r.Form.Get("reply_markup"))
	if msg != "" {
		writeErrMsg(w, 400, msg)
		return
	}
	s.mu.Lock()
	s.nextMsgID++
	m := &tgbotapi.Message{
		MessageID: s.nextMsgID, Date: int(time.Now().Unix()), Text: text, ReplyMarkup: markup,
		From: &s.Bot, Chat: &tgbotapi.Chat{ID: chat, Type: "private"},
	}
	s.sentTo[chat]++
	if s.messages[chat] == nil {
		s.messages[chat] = map[int]*tgbotapi.Message{}
	}
	if markup != nil {
		if s.Lean {
			// The chat's previous keyboard message is the only other
			// one kept; it is not the last any more.
			delete(s.messages[chat], s.lastKeyboard[chat])
		}
		s.lastKeyboard[chat] = m.MessageID
	}
	if !s.Lean || markup != nil {
		s.messages[chat][m.MessageID] = m
	}
	if !s.Lean {
		s.sent = append(s.sent, *m)
	}
	out := *m
	s.mu.Unlock()
	writeOK(w, out)
}

func (s *Server) edit(w http.ResponseWriter, r *http.Request, method string) {
	chat, _ := strconv.ParseInt(r.Form.Get("chat_id"), 10, 64)
	id, _ := strconv.Atoi(r.Form.Get("message_id"))
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messages[chat][id]
	known := m != nil
	if !known && s.Lean && id > 0 && id <= s.nextMsgID {
		// A message the lean fake did not keep: Telegram has it, so the
		// edit succeeds (the fake cannot tell whether it changes anything).
		m = &tgbotapi.Message{MessageID: id, Date: int(time.Now().Unix()), From: &s.Bot, Chat: &tgbotapi.Chat{ID: chat, Type: "private"}}
	}
	if m == nil {
		writeErrMsg(w, 400, "Bad Request: message to edit not found")
		return
	}
	text := m.Text
	switch {
	case method == "editMessageText":
		text = r.Form.Get("text")
	case !known:
		// editMessageReplyMarkup keeps a text the lean fake does not know.
		text = "-"
	}
	markup, msg := checkMessage(text, r.Form.Get("reply_markup"))
	if msg != "" {
		writeErrMsg(w, 400, msg)
		return
	}
	if known && text == m.Text && sameMarkup(markup, m.ReplyMarkup) {
		writeErrMsg(w, 400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message")
		return
	}
	if method == "editMessageText" {
		m.Text = text
	}
	m.ReplyMarkup = markup
	writeOK(w, *m)
}

// checkMessage applies Telegram's limits; msg is the error description.
func checkMessage(text, markupJSON string) (markup *tgbotapi.InlineKeyboardMarkup, msg string) {
	if strings.TrimSpace(text) == "" {
		return nil, "Bad Request: message text is empty"
	}
	if len(utf16.Encode([]rune(text))) > MaxTextUTF16 {
		return nil, "Bad Request: message is too long"
	}
	if markupJSON == "" {
		return nil, ""
	}
	markup = &tgbotapi.InlineKeyboardMarkup{}
	if err := json.Unmarshal([]byte(markupJSON), markup); err != nil {
		return nil, "Bad Request: can't parse reply keyboard markup JSON object"
	}
	for _, row := range markup.InlineKeyboard {
		for _, b := range row {
			if b.CallbackData == nil || len(*b.CallbackData) == 0 || len(*b.CallbackData) > MaxCallbackBytes {
				return nil, "Bad Request: BUTTON_DATA_INVALID"
			}
			if b.Text == "" {
				return nil, "Bad Request: text buttons are unallowed in the inline keyboard"
			}
		}
	}
	if len(markup.InlineKeyboard) == 0 {
		return nil, "" // an empty keyboard removes the keyboard
	}
	return markup, ""
}

func sameMarkup(a, b *tgbotapi.InlineKeyboardMarkup) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

func writeOK(w http.ResponseWriter, result any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "result": result})
}

func writeErrMsg(w http.ResponseWriter, code int, description string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(map[string]any{"ok": false, "error_code": code, "description": description})
}

func writeErr(w http.ResponseWriter, f Failure) {
	if f.HTML {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(f.Code)
		fmt.Fprintf(w, "<html><body>%d %s</body></html>", f.Code, http.StatusText(f.Code))
		return
	}
	desc := map[int]string{
		401: "Unauthorized",
		404: "Not Found",
		409: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
		429: "Too Many Requests: retry after " + strconv.Itoa(f.RetryAfter),
	}[f.Code]
	if desc == "" {
		desc = http.StatusText(f.Code)
	}
	body := map[string]any{"ok": false, "error_code": f.Code, "description": desc}
	if f.Code == 429 {
		body["parameters"] = map[string]any{"retry_after": f.RetryAfter}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(f.Code)
	_ = json.NewEncoder(w).Encode(body)
}
