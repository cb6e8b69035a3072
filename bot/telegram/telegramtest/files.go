package telegramtest

import (
	"net/http"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// MaxGetFileBytes is the largest file getFile serves to bots (Telegram's
// limit); larger ones get "file is too big".
const MaxGetFileBytes = 20 << 20

// file is one file people sent, by its file_id.
type file struct {
	path string
	data []byte
}

// AddFile keeps data as a file people sent and returns its file_id. name
// ends the file's path ("photo.jpg").
func (s *Server) AddFile(data []byte, name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.files == nil {
		s.files = map[string]file{}
	}
	s.nextMsgID++
	id := "file" + strconv.Itoa(s.nextMsgID)
	s.files[id] = file{path: "files/" + id + "_" + name, data: data}
	return id
}

// Photo queues a private photo message: each size is a version of the
// photo, smallest first as Telegram lists them, with its dimensions.
func (s *Server) Photo(from tgbotapi.User, caption string, sizes ...PhotoSize) tgbotapi.Update {
	m := s.message(from, "")
	m.Caption = caption
	for _, p := range sizes {
		id := s.AddFile(p.Data, "photo.jpg")
		m.Photo = append(m.Photo, tgbotapi.PhotoSize{FileID: id, FileUniqueID: "u" + id, Width: p.Width, Height: p.Height, FileSize: len(p.Data)})
	}
	u := tgbotapi.Update{Message: m}
	u.UpdateID = s.Push(u)
	return u
}

// PhotoSize is one size of a photo for Photo.
type PhotoSize struct {
	Width, Height int
	Data          []byte
}

// Document queues a file sent as a document (uncompressed), with its
// announced MIME type.
func (s *Server) Document(from tgbotapi.User, data []byte, name, mime, caption string) tgbotapi.Update {
	m := s.message(from, "")
	m.Caption = caption
	id := s.AddFile(data, name)
	m.Document = &tgbotapi.Document{FileID: id, FileUniqueID: "u" + id, FileName: name, MimeType: mime, FileSize: len(data)}
	u := tgbotapi.Update{Message: m}
	u.UpdateID = s.Push(u)
	return u
}

// Voice queues a voice note of seconds length whose file holds audio
// (its bytes are not real Opus: only a transcription fake reads them).
func (s *Server) Voice(from tgbotapi.User, seconds int, audio []byte) tgbotapi.Update {
	m := s.message(from, "")
	id := s.AddFile(audio, "voice.oga")
	m.Voice = &tgbotapi.Voice{FileID: id, FileUniqueID: "u" + id, Duration: seconds, MimeType: "audio/ogg", FileSize: len(audio)}
	u := tgbotapi.Update{Message: m}
	u.UpdateID = s.Push(u)
	return u
}

// Sticker queues a sticker.
func (s *Server) Sticker(from tgbotapi.User) tgbotapi.Update {
	m := s.message(from, "")
	m.Sticker = &tgbotapi.Sticker{FileID: "sticker" + strconv.Itoa(m.MessageID), FileUniqueID: "us", Width: 512, Height: 512, Emoji: "👍", FileSize: 20000}
	u := tgbotapi.Update{Message: m}
	u.UpdateID = s.Push(u)
	return u
}

func (s *Server) getFile(w http.ResponseWriter, r *http.Request) {
	id := r.Form.Get("file_id")
	s.mu.Lock()
	f, ok := s.files[id]
	s.mu.Unlock()
	switch {
	case !ok:
		writeErrMsg(w, 400, "Bad Request: invalid file_id")
	case len(f.data) > MaxGetFileBytes:
		writeErrMsg(w, 400, "Bad Request: file is too big")
	default:
		writeOK(w, tgbotapi.File{FileID: id, FileUniqueID: "u" + id, FileSize: len(f.data), FilePath: f.path})
	}
}

// download serves <token>/<path> of /file/bot<token>/<path>, as
// Telegram's file server does: 404 for a wrong token or path.
func (s *Server) download(w http.ResponseWriter, rest string) {
	token, path, _ := strings.Cut(rest, "/")
	s.mu.Lock()
	s.counts["download"]++
	var data []byte
	found := false
	if token == s.Token {
		for _, f := range s.files {
			if f.path == path {
				data, found = f.data, true
				break
			}
		}
	}
	s.mu.Unlock()
	if !found {
		http.Error(w, "Not Found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	_, _ = w.Write(data)
}
