package imagetext

import "image"

// Tune changes how r reads, for the measurements of the choices in
// defaultTuning.
func Tune(r *Reader, psm int, invertDark bool, minWidth int, cropStatus bool, threshold int) {
	r.tune = tuning{psm: psm, invertDark: invertDark, minWidth: minWidth, cropStatus: cropStatus, threshold: threshold}
}

// SetLanguages changes r's language packs (latin "" reads once).
func SetLanguages(r *Reader, langs, latin string) { r.langs, r.latin = langs, latin }

// Prepare is prepare with the chosen tuning.
func Prepare(img image.Image) *image.Gray { return prepare(img, defaultTuning) }
