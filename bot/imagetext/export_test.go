package imagetext

import "image"

// Tune changes how r reads, for the measurements of the choices in
// defaultTuning.
func Tune(r *Reader, psm int, invertDark bool, minWidth int, cropStatus bool, threshold int) {
	r.tune = tuning{psm: psm, invertDark: invertDark, minWidth: minWidth, cropStatus: cropStatus, threshold: threshold}
}

// SetLanguages changes r's language packs (latin or trad "": no such
// second reading).
func SetLanguages(r *Reader, langs, latin, trad string) {
	r.langs, r.latin, r.trad = langs, latin, trad
}

// Prepare is prepare with the chosen tuning.
func Prepare(img image.Image) *image.Gray { return prepare(img, defaultTuning) }
