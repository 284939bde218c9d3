# nkact-dose: English words.
#
# One message per sentence or label. Placeables ({ $name }) carry values the
# program has already written: numbers follow ISMP (no trailing zero, a
# leading zero, a space before the unit, no digit grouping with a point or a
# comma) with the document's decimal mark. Counts that choose a plural ($n,
# $days, $count, $max, $hours, $minutes, $age, $cycle) arrive as numbers.
# Never abbreviate "units" (ISMP: "U" and "IU" are error-prone).

## Names

window-title = { $program } · { $regimen } ({ $protocol })
regimen-title = NK-ACT-BC: allogeneic NK cells with trastuzumab and pertuzumab
diagnosis = HER2-positive metastatic breast cancer

field-weight = Weight (kg)
field-height = Height (cm)
field-bsa-formula = BSA formula
field-bsa-cap = BSA cap (m²)
field-nk-cells = NK cells
field-cycle = Cycle
field-day1 = Day 1 date
field-last-trastuzumab = Last trastuzumab date
field-last-pertuzumab = Last pertuzumab date
field-previous-weight = Previous dosing weight (kg)
field-settings = Settings
field-patient-name = Patient name
field-patient-id = Hospital record number
field-date-of-birth = Date of birth
field-allergies = Allergies
field-issued-by = Issued by
field-acknowledged-by = Acknowledged by
field-verifier = Verifier name
field-reason = Reason

drug-cyclophosphamide = Cyclophosphamide
drug-trastuzumab = Trastuzumab
drug-pertuzumab = Pertuzumab
drug-interleukin2 = Interleukin-2 (aldesleukin)

route-intravenous = intravenous (IV)
route-subcutaneous = subcutaneous

formula-mosteller = Mosteller
formula-dubois = DuBois & DuBois
formula-haycock = Haycock
formula-gehan-george = Gehan & George
formula-boyd = Boyd

diluent-nacl-09 = sodium chloride { $pct } %
paper-a4 = A4
paper-letter = US Letter
lang-en = English
lang-es = Español
lang-ca = Català
decimal-mark-point = decimal point
decimal-mark-comma = decimal comma

## Amounts

amount-mg = { $n } mg
amount-units = { $n } units
amount-units-millions = { $n } units ({ $millions } million units)
amount-million-units = { $millions } million units
rate-mg-per-m2 = { $n } mg/m²
rate-mg-per-kg = { $n } mg/kg
rate-units-per-m2 = { $n } units/m²
rate-units-per-kg = { $n } units/kg
concentration-mg = { $n } mg/mL
concentration-units = { $n } units/mL
concentration-million-units = { $millions } million units/mL
volume-ml = { $n } mL
measure-kg = { $n } kg
measure-cm = { $n } cm
measure-m2 = { $n } m²
cells = { $pow } cells ({ $millions } million)
nk-range = { $min } – { $max }
nk-large = { $pow } cells
vials-none = none
vials-of = { $count ->
    [one] { $count } vial of { $size }
   *[other] { $count } vials of { $size }
}

## Days and dates

day-label = Day { $day }
# $iso is YYYY-MM-DD; $day, $month (short name), $year and $weekday are also given.
date = { $iso } ({ $weekday })
date-plain = { $iso }
datetime = { $iso } { $time }
day-with-date = { $day } { $date }
days-once-within = once, on one day from { $first } to { $last }
days-count = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
month-short = { $m ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
weekday-short = { $d ->
    [1] Mon
    [2] Tue
    [3] Wed
    [4] Thu
    [5] Fri
    [6] Sat
   *[7] Sun
}
event-window = { $drug } window
event-nk-infusion = NK cell infusion
event-next-cycle = next cycle's Day 1

## Working

bsa-working = { $formula }: { $expression } = { $unrounded } m², rounded to { $rounded }
bsa-working-capped = { $working }; capped at { $cap } (BSA cap typed for this order): doses use { $cap } instead of { $rounded }
bsa-boyd-expression = G = { $w } kg × 1000 g/kg = { $g } g; { $k } × { $h }^{ $a } × G^({ $b } − { $s } × log10 G)
phase-loading = loading dose
phase-maintenance = maintenance dose
phase-first-cycle = cycle 1 starts with the loading dose
phase-within = last dose { $last }, Day 1 { $day1 }: { $days ->
    [one] { $days } day
   *[other] { $days } days
} since the last dose ≤ { $max } days: maintenance (re-load at ≥ { $reload } days)
phase-exceeded = last dose { $last }, Day 1 { $day1 }: { $days ->
    [one] { $days } day
   *[other] { $days } days
} since the last dose > { $max } days: RE-LOAD (re-load at ≥ { $reload } days)
phase-not-checked = interval since the last dose not checked (dates not given)
working-product = { $rate } × { $basis } = { $result }
working-product-capped = { $rate } × { $basis } = { $result } (BSA capped; uncapped { $uncapped_bsa } would give { $uncapped_dose })
working-flat = flat dose { $amount }
working-phase = { $formula } ({ $phase })
working-rounded = { $formula }, rounded to { $dose } (nearest { $increment })
working-phase-rounded = { $formula } ({ $phase }), rounded to { $dose } (nearest { $increment })
after-nk = { $day }: within { $hours } h after the NK cell infusion, never before it
infusion-over = over { $minutes } min
bag-in = { $volume } in { $diluent }
bag-volume = { $volume } bag
too-small-dilute = { $volume } is under the measurable minimum of { $min }: dilute to { $concentration }, then draw { $draw }
too-small-no-step = { $volume } is under the measurable minimum of { $min }: dilute per the site pharmacy manual (no dilution step configured)
nk-pending = PENDING
nk-within-range = WITHIN RANGE
nk-out-of-range = OUT OF RANGE
nk-line-within = { $cells }: within { $range }
nk-line-out = { $pow } cells ({ $count } cells): OUT OF RANGE, must be within { $range } cells; do not infuse
nk-line-pending = pending: must be within { $range } cells at product release
weight-change-line = from { $from } to { $to }: { $pct } % change (recalculate at ≥ { $threshold } %)
reload-badge = RE-LOAD

## Warnings

warn-weight-soft = Weight { $value } is outside the usual { $min } to { $max }: check it
warn-height-soft = Height { $value } is outside the usual { $min } to { $max }: check it
warn-bsa-soft = BSA { $value } is outside the usual { $min } to { $max }: check height and weight
warn-interval-not-checked = { $drug }: maintenance dose given without checking the interval since the last dose; enter Day 1 and the date of the last { $drug } dose to check for re-loading
warn-interval-too-short = { $drug }: last dose { $last }, Day 1 { $day1 }: only { $days ->
    [one] { $days } day
   *[other] { $days } days
} since the last dose, under the { $min } days a 3-weekly dose allows; check the dates, and give a reason to go ahead
warn-volume-too-small = { $drug }: { $volume } is under the measurable minimum of { $min }; no dilution step is configured
warn-bsa-cap-dose = { $drug } { $uncapped } uncapped, { $capped } capped
warn-bsa-cap = BSA cap { $cap } typed for this order lowers doses (BSA { $uncapped } without the cap): { $doses }
warn-last-dose-ignored = A date of the last { $drug } dose ({ $date }) was entered for cycle 1: cycle 1 always gives the loading dose, so the date is not used; check the cycle
warn-nk-not-this-cycle = NK cells are given in cycle 1 only; the count entered is not used in cycle { $cycle }
warn-weight-change = Weight changed since the last doses: { $change }
warn-age-under-18 = The patient is { $age } (born { $dob }): the protocol includes patients aged 18 or over; give a reason to go ahead
warn-allergy-antibody = The allergies name a drug of this regimen ({ $drugs }): hypersensitivity to trastuzumab or pertuzumab excludes the patient (protocol exclusion 6); give a reason to go ahead
warn-allergy = The allergies name a drug of this regimen ({ $drugs }): this order gives that drug; give a reason to go ahead
warn-allergies-mixed-scripts = The allergies mix letters of different alphabets (a Cyrillic or Greek letter that looks Latin): read them again against the patient's record
warn-name-mixed-scripts = The patient's name "{ $name }" mixes letters of different alphabets (for example a Cyrillic letter that looks Latin): confirm it against the patient's documents
warn-day1-before-order = Day 1 ({ $day1 }) is before the order date ({ $order_date }): check the Day 1 date
warn-window-before-order = { $drug }: its whole window ends on { $last }, before the order date ({ $order_date }): check the Day 1 date

## Input errors
# $label is the field's label, $value the value as typed (escaped), $gender
# the label's grammatical gender (an attribute of the field-* message).

accepted-weight = a weight in kg from { $min } to { $max }, written like 70.5 or 70,5
accepted-height = a height in cm from { $min } to { $max }, written like 170 or 170,5
accepted-bsa-cap = a cap in m² from { $min } to { $max }, like 2 or 2,2; no cap when left out
accepted-bsa-formula = one of { $keys }
accepted-nk-cells = a positive cell count such as 2e8, 2.5E8, 2,5e8, 2.5x10^8, 2.5 × 10^8, 250 million or 200000000, a whole number of cells; left out while the count is pending
accepted-cycle = a whole number from 1 to { $max }
accepted-date = a date written YYYY-MM-DD, such as 2026-03-02, in the years { $first } to { $last }
accepted-settings = positive numbers for every product, rounding and threshold
accepted-patient-name = the patient's full name, up to { $max } characters
accepted-patient-id = the hospital record number: capital letters A-Z, digits, spaces, - / and ., up to { $max } characters
accepted-person = a person's name, up to { $max } characters
accepted-reason = a reason in words (3 letters or more), up to { $max } characters
accepted-date-of-birth = a date written YYYY-MM-DD, not in the future, from 1900 on
accepted-allergies = the allergies written out (not "?", "unknown" or "NKA"), or "none known", up to { $max } characters

error-with-accepted = { $error } Accepted: { $accepted }.
error-missing = { $label } is required.
error-not-a-number = { $label }: "{ $value }" is not a number.
error-not-positive = { $label }: "{ $value }" must be greater than zero.
error-below-min = { $label }: "{ $value }" is below the lowest value accepted.
error-above-max = { $label }: "{ $value }" is above the highest value accepted.
error-metres = { $label }: "{ $value }" looks like metres: enter the height in centimetres ({ $m } m = { $cm } cm).
error-metres-plain = { $label }: "{ $value }" looks like metres: enter the height in centimetres.
error-millimetres = { $label }: "{ $value }" looks like millimetres: enter the height in centimetres ({ $mm } mm = { $cm } cm).
error-millimetres-plain = { $label }: "{ $value }" looks like millimetres: enter the height in centimetres.
error-grams = { $label }: "{ $value }" looks like grams: enter the weight in kilograms ({ $g } g = { $kg } kg).
error-grams-plain = { $label }: "{ $value }" looks like grams: enter the weight in kilograms.
error-not-whole = { $label }: "{ $value }" must be a whole number.
error-not-a-date = { $label }: "{ $value }" is not a date (or not a day that exists).
error-date-out-of-range = { $label }: "{ $value }" is outside the years accepted.
error-not-before-day1 = { $label }: "{ $value }" must be before the { $day1 }.
error-unknown-formula = { $label }: "{ $value }" is not a BSA formula this program knows.
error-bad-setting = { $label }: "{ $value }" cannot be used.
error-forbidden-characters = { $label }: "{ $value }" contains characters that cannot be accepted here: { $chars }.
error-right-to-left = { $label }: "{ $value }" contains right-to-left letters, which the order sheet cannot yet print in their reading order.
error-invisible-only = { $label }: "{ $value }" contains only invisible characters: it would print blank.
error-too-long = { $label } is longer than { $max } characters.
error-unprintable = { $label }: "{ $value }" contains characters the order sheet's font cannot print (they would show as empty boxes): { $chars }.
error-too-many-decimals = { $label }: "{ $value }" { $max ->
    [0] must be written without decimals.
    [one] has more than 1 decimal.
   *[other] has more than { $max } decimals.
}
error-not-whole-count = { $label }: "{ $value }" must be a whole number of cells, with at most 15 significant digits.
error-stray-marks = { $label }: "{ $value }" has accents with no letter under them, or more than 3 on one letter: it would not print as typed.
error-placeholder = { $label }: "{ $value }" is a placeholder, not the information itself.

char-tab = tab
char-line-feed = line feed
char-carriage-return = carriage return
char-escape = escape
char-delete = delete
char-next-line = next line
char-soft-hyphen = soft hyphen
char-zero-width-space = zero-width space
char-zero-width-non-joiner = zero-width non-joiner
char-zero-width-joiner = zero-width joiner
char-direction-mark = direction mark
char-bidi-override = bidirectional override
char-word-joiner = word joiner
char-zero-width-no-break-space = zero-width no-break space

## Double-check

mismatch-no-verifier = The verifier's name is required.
mismatch-same-person = The double-check must be done by a second person, not the one who issued the order.
mismatch-identity = Confirm the patient's name, record number and date of birth against every bag label.
mismatch-measure = { $label } does not match the first entry: check the source and re-enter it.
mismatch-dose = { $drug }: the bag label dose does not match the order: check the bag and re-enter its dose.

## Refusals, files, register, printing

order-id-revision = { $id } rev. { $revision }
refuse-invalid = No order sheet: fix the inputs marked in error first.
refuse-nk-out-of-range = No order sheet: the NK cell count is out of range; it must be within { $range } cells.
refuse-unacknowledged = { $count ->
    [one] No order sheet: 1 warning must be acknowledged first.
   *[other] No order sheet: { $count } warnings must be acknowledged first.
}
refuse-font = No order sheet: the embedded font could not be loaded.
refuse-still-typing = No order sheet yet: a measure is still being typed. Press Tab or Enter to finish the field; the doses shown are provisional until then.

file-io = Could not use { $path }: { $error }. Nothing was changed.
file-exists = { $path } already exists; it was not replaced (use --force to replace it).
file-corrupt = { $path } is not a readable order file ({ $detail }). Nothing was changed.
file-wrong-format = { $path } is not an nkact-dose order (format "{ $found }"). Nothing was changed.
file-wrong-version = { $path } is order format version { $found }; this program reads versions 1 to { $version }. Nothing was changed.
file-changed = { $path } was changed or damaged since it was saved (its checksum does not match); it was not opened. Nothing was changed.
file-too-large = { $path } is larger than an order file can be ({ $max } bytes at most); it was not read. Nothing was changed.
file-not-regular = { $path } is not a regular file (a folder, a device or a symbolic link); it was not used. Nothing was changed.
file-invalid = { $path } holds values that cannot be used: { $errors } Nothing was changed.

register-locked = The order register { $path } is locked by another program.
register-read-only = The order register { $path } cannot be written (read-only).
register-corrupt = The order register { $path } is damaged or not a register ({ $detail }).
register-newer = The order register { $path } has schema version { $found }, newer than this program's { $version }.
register-other = The order register { $path } could not be used: { $detail }.
register-not-a-file-empty = The order register "{ $path }" cannot be used: an empty path keeps nothing: name a file.
register-not-a-file-memory = The order register "{ $path }" cannot be used: an in-memory or URI database keeps nothing after the program ends: name a file.
register-not-a-file-folder = The order register "{ $path }" cannot be used: it is a folder: name a file inside it.
register-not-a-file-broken-link = The order register "{ $path }" cannot be used: it is a symbolic link to nothing.
register-not-a-file-special = The order register "{ $path }" cannot be used: it is not a regular file.
register-duplicate-id = The order register { $path } already holds a different order under { $id }; this one was not recorded.
not-recorded = WARNING: this order was NOT recorded in the register. { $error }
not-recorded-no-location = WARNING: this order was NOT recorded: no data folder for the order register (use --register PATH).
recorded = Recorded as { $action } in the order register { $path }
action-exported = exported
action-printed = printed
action-reprinted = reprinted
action-check-failed = double-check failed

print-no-service = Could not reach the print service (CUPS): { $detail }. The order was not printed.
print-rejected = The print job was refused: { $detail }. The order was not printed.
print-no-default = Not printed: this computer has no default printer; choose a printer in the list beside Print (the sheet was not recorded as printed).
print-unsupported = Printing is not available on this system; export the PDF and print it from a viewer.
print-timeout = Print job { $job } did not complete in time.
print-failed = Print job { $job } was cancelled or aborted by the print service.
printed-to = Sent to printer { $printer } as job { $job }
printed-default = Sent to the default printer as job { $job }
written = Order sheet written to { $path }

acknowledged = { $warning } — acknowledged by { $by } at { $at }
acknowledged-with-reason = { $warning } — acknowledged by { $by } at { $at }; reason: { $reason }
acknowledged-short = — { $by }, { $time }
verified-by = Verified by { $verifier } at { $at }

## Order sheet

sheet-header-left = { $regimen } · { $protocol } · { $sponsor }
sheet-page = Page { $page } of { $pages }
sheet-footer = { $program } { $version } · generated { $at } · fingerprint { $fingerprint } · { $mark }
sheet-seal-title = Register seal · check it with nkact-dose register verify-sheet (this PDF or a scan)
sheet-seal-order = Order { $order } · revision { $revision } · fingerprint { $fingerprint }
sheet-seal-record = Recorded as register record { $seq }, after the chain head:
sheet-seal-unrecorded = Not recorded in an order register when printed.
sheet-seal-unencrypted = WARNING: the register was reached over an UNENCRYPTED network link (sslmode=disable).
sheet-identity-strip = Patient: { $name } · Record number: { $record } · Date of birth: { $dob }
sheet-revision = revision { $revision }: supersedes revision { $previous } of this order
sheet-phase = { $phase }: { $reason }
sheet-numbers-with = numbers with a { $mark }

## Window

g-bag-label = { $drug } ({ $unit })
g-saved = Order saved to { $path }
g-opened = Order opened from { $path }; doses recalculated from its inputs
g-confirm-replace = { $path } already exists. Replace it?
g-reopened = Order { $id } reopened from the register; doses recalculated from its inputs
g-unit-mg = mg
g-unit-units = units
g-col-when = When
g-col-action = Action
g-col-order = Order
g-col-fingerprint = Fingerprint
g-col-patient = Patient
g-col-record = Record number
g-col-cycle = Cycle
g-col-verified = Verified by
g-col-doses = Doses
g-col-lang = Sheet language
g-language = Language
g-decimal-mark = Decimal mark on screen and paper
g-discard-question = This order has changes that were not saved or issued. Discard them?
g-discard = Discard changes
g-keep = Keep editing
g-export-reprint = Export this order's PDF…

## Command line

calc-default-cycle = Note: --cycle not given: cycle 1 assumed (an order sheet requires --cycle).
calc-default-day1 = Note: --day1 not given: no calendar dates (an order sheet requires --day1).
cli-error = { $program }: error: { $message }
cli-field-error = { $error } ({ $option })
cli-missing-value = option { $option } needs a value (see --help)
cli-bad-paper = --paper "{ $value }": accepted a4 or letter
cli-bad-lang = --lang "{ $value }": accepted en, es or ca
cli-bad-decimal-mark = --decimal-mark "{ $value }": accepted point or comma
cli-not-utf8 = { $option } "{ $value }": not valid UTF-8 text (the bytes shown as U+FFFD could not be read); type it again in a UTF-8 terminal
cli-empty-value = { $label }{ $option } was given an empty value; give a value, or leave the option out (an empty value is never taken as the default)
cli-empty-value-label = { $label }:{" "}
cli-order-requires = an order sheet needs { $option }: it is never defaulted for an order (calc may leave it out)
cli-bad-reason = --reason "{ $value }": write CODE=TEXT, the warning's code and why it is acknowledged (codes: see `nkact-dose calc`)
cli-out-or-print = order needs --out FILE.pdf, --print, or both
cli-out-not-pdf = --out "{ $value }": the sheet is a PDF; name the file with .pdf at the end (a register or another file is never overwritten)
cli-out-is-register = --out "{ $value }" is the order register itself; choose another file
cli-bad-printer = --printer "{ $value }": a printer name has no spaces, control characters, / or #
cli-reason-for-no-warning = --reason given for "{ $value }", which is not a warning of this order (check the code with `nkact-dose calc`)
cli-needs-reason = this warning needs a reason: --reason { $code }="why it is right to go ahead"
cli-repeated-reason = --reason for "{ $value }" given more than once
cli-window-failed = the window could not open ({ $detail }); the command line still works: see --help
cli-protocol-failed = { $program }: a protocol check failed: see the NK cells line
cli-unacknowledged-hint = read the warnings, then add --acknowledged-by NAME to record that NAME acknowledged them, and --reason CODE=TEXT for each that needs a reason

## Labels: the report (l-*), the order sheet (s-*) and the window (g-*)

l-bsa = BSA
l-dose = Dose
l-working = Working
l-route-days = Route, day
l-draw = Draw
l-diluent = Bag
l-nk = NK cells
l-schedule = Schedule
l-warnings = Warnings
l-weight-change = Weight change
l-cycle = Cycle
l-not-in-cycle = not part of this cycle
l-too-small = TOO SMALL TO MEASURE
l-none = none
l-timing = Timing
l-needs-reason = (needs a reason)
s-title = Pharmacy order sheet
s-order = Order
s-patient = Patient
s-record = Record number
s-dob = Date of birth
s-allergies = Allergies
s-order-date = Order date
s-diagnosis = Diagnosis
s-issued-by = Issued by
s-basis = Basis of the doses
s-height = Height
s-weight = Weight
s-previous-weight = Previous dosing weight
s-schedule = Schedule, in administration order
s-doses = Doses, in administration order
s-phase = Phase
s-warnings = Warnings acknowledged
s-signatures = Signatures
s-prescriber = Prescriber
s-pharmacist = Pharmacist validation
s-double-check = Independent double-check
s-sig-name = Name:
s-sig-signature = Signature:
s-sig-date = Date and time:
s-double-check-scope = Checks drug, dose, calculation and its variables, volume, route, rate, cycle and day.
s-revision = Revision
s-last-trastuzumab = Last trastuzumab dose
s-last-pertuzumab = Last pertuzumab dose
g-new = New order
g-open = Open…
g-save = Save…
g-dark = Dark theme
g-measures = Measures
g-nk-product = NK cell product
g-issued-by = Your name (issued by)
g-optional = optional
g-required = Required
g-cycle-hint = required: 1, 2, 3…
g-path-hint = full path of the file
g-date-hint = YYYY-MM-DD
g-nk-hint = cells; empty = pending
g-allergies-hint = type "none known" if none
g-site-settings = Site settings
g-rounding = mg rounding increment (mg)
g-il2-dilution = IL-2 dilution (million units/mL)
g-apply-settings = Apply settings
g-settings-invalid = Settings not applied: use plain positive numbers such as 1 or 0,5.
g-paper = Paper
g-no-doses-yet = No doses yet. Enter the patient, the weight, the height and the cycle: the doses of the NK-ACT-BC regimen appear here with their working.
g-nothing-to-export = Nothing to export or print yet.
g-no-printers = No printers found: export the PDF instead, or ask for a printer to be added.
g-no-doses = No doses: fix the fields marked in red. Nothing is calculated from incomplete or invalid input.
g-double-check = Double-check
g-export = Export PDF…
g-replace = Replace
g-ack-needs-name = Type your name (issued by) to acknowledge warnings.
g-double-check-title = Independent double-check
g-double-check-intro = Second professional: re-enter the measures from the source, without looking at the first entries, and type the dose printed on each prepared bag's label.
g-verifier = Verifier name
g-patient-on-labels = Patient: check these against every bag label
g-confirm-identity = I confirmed the name, record number and date of birth on every bag label
g-re-last-t = Re-entered last trastuzumab date
g-re-last-p = Re-entered last pertuzumab date
g-not-verified = NOT VERIFIED: no independent double-check recorded for this order
g-provisional = PROVISIONAL: a measure is still being typed. Finish the field (Tab or Enter) before relying on these doses.
g-reason = Reason
g-reason-hint = why it is right to go ahead
g-re-weight = Re-entered weight (kg)
g-re-height = Re-entered height (cm)
g-re-nk = Re-entered NK cells
g-re-lvef = Latest LVEF (%), from the report
g-re-lvef-baseline = Baseline LVEF (%), from the report
g-bag-labels = Doses on the bag labels
g-compare = Compare
g-cancel = Cancel
g-order-files = nkact-dose order
g-typed-path-title = File path
g-path = Path
g-save-to-path = Save order to path
g-open-path = Open order from path
g-export-to-path = Export PDF to path
g-type-a-path = Type a file path first.
g-no-chooser = No file was chosen. If no file chooser appeared on this workstation, type a path below.
g-print = Print…
g-printer = Printer
g-refresh-printers = Refresh printers
g-default-printer = (default printer)
g-register = Register
g-register-title = Order register
g-register-at = Register file
g-register-filter-id = Filter: record number
g-register-filter-date = Filter: date
g-register-bad-date = Filter date: write YYYY-MM-DD, or leave it empty.
g-register-empty = No entries.
g-filter = Filter
g-close = Close
g-reopen = Reopen
g-reprint = Reprint
g-pdf-files = PDF

## Presentation model

headline = { $title } ({ $protocol }) · Cycle { $cycle }
route-and-days = { $route } · { $days }
draw-with-vials = { $working } (vials: { $vials })

# How a large number of units is written. "grouped": 910 000 units (0.91 million
# units); "millions": 0,91 millones de unidades, for documents where digits are
# never grouped (spanish-practice.md: the RAE's space grouping is not for documents
# where the safety of a figure is at stake). Not shown: a choice for the program.
large-units-style = grouped
rate-million-units-per-m2 = { $millions } million units/m²
g-unit-million-units = million units
field-lab = Laboratory result
field-uln = Upper limit of normal
field-lvef = LVEF (%)
field-lvef-date = LVEF date
field-lvef-baseline = Baseline LVEF (%)
field-sex = Sex
field-previous-infusion-tolerated = Previous infusion well tolerated
field-cyclophosphamide-date = Cyclophosphamide date
field-nk-product-id = NK product or donor ID
field-nk-bag-id = NK bag ID
field-nk-released-at = NK release or thaw time
field-override = Override
event-withheld = { $drug } WITHHELD
warn-lvef-missing = No LVEF is entered for this antibody cycle (cycle { $cycle }): the heart check was not done; enter the latest LVEF and its date, or give a reason to go ahead
warn-lvef-old = The latest LVEF ({ $date }) is { $days } days before Day 1 ({ $day1 }); the site allows { $max } days before an antibody dose: repeat it, or give a reason to go ahead
warn-lvef-baseline-missing = LVEF { $latest } is below { $below } and no baseline LVEF is entered, so the fall cannot be judged: enter the baseline, or give a reason to go ahead
accepted-lab = CODE=VALUE UNIT@YYYY-MM-DD, such as anc=1.8 x10^9/L@2026-11-25 or creatinine=85 umol/L@2026-11-25; codes: { $codes }; units: x10^9/L or cells/µL, g/dL or g/L, mg/dL or µmol/L, U/L; INR without a unit
accepted-uln = CODE=VALUE UNIT, such as bilirubin=1.2 mg/dL or ast=40 U/L; codes: { $codes }
accepted-lvef = a percentage from { $min } to { $max }, such as 58
accepted-sex = female or male
accepted-yes-no = yes or no
accepted-cyclophosphamide-date = one date from Day -5 to Day -3 of this cycle, written YYYY-MM-DD
accepted-product-id = the identifier on the label: capital letters A-Z, digits, spaces, - / and ., up to { $max } characters
accepted-date-time = a date and time written YYYY-MM-DD HH:MM, such as 2026-12-02 09:30
accepted-override = CODE=REASON, the code of a criterion not met or not entered and why treatment goes ahead
error-unknown-unit = { $label }: "{ $value }": the unit is missing or is not one this test is reported in.
error-ambiguous-unit = { $label }: "{ $value }": the unit can be read two ways, so it is not guessed.
error-not-a-lab-entry = { $label }: "{ $value }" is not written as the test code, = , the value with its unit, @ and the date.
error-unknown-test = { $label }: "{ $value }" names a test the criteria do not use.
error-repeated = { $label }: "{ $value }" is entered twice.
error-not-one-of = { $label }: "{ $value }" is not one of the answers accepted.
error-outside-window = { $label }: "{ $value }" is not a day from Day -5 to Day -3 of this cycle (or Day 1 is not entered).
error-not-a-date-time = { $label }: "{ $value }" is not a date and time.
error-nothing-to-override = { $label }: "{ $value }" names no criterion that is not met or not entered.
error-implausible = { $label }: "{ $value }" is { $canonical }, outside what this test can plausibly be ({ $low } to { $high }): { $hint }.
error-implausible-uln = { $label }: "{ $value }" is { $canonical }, not a plausible upper limit of normal for this test ({ $low } to { $high }): { $hint }.
hint-counts-per-microlitre = cells/µL and × 10⁹/L differ 1000-fold, check the unit
hint-grams-per-decilitre-or-litre = g/dL and g/L differ 10-fold, check the unit
hint-micromoles-or-milligrams = µmol/L and mg/dL differ 17-fold for bilirubin and 88-fold for creatinine, check the unit
hint-value = check the value as typed
error-thousands-separator = { $label }: "{ $value }": a point or a comma before three digits in a count per µL may separate thousands (1.500 = 1500) or mark decimals (1.5); write the count without it, as 1500, or in × 10⁹/L.
error-in-future = { $label }: "{ $value }" is dated after today; a result cannot be dated in the future.
crit-sex = Sex
crit-sex-female = female
crit-sex-male = male
crit-limit-sex = female (trial record: eligible sex)
measure-pct = { $n } %
fill-in = NOT SET BY THE SITE: pharmacist to write in ________________
per-site-protocol = per site protocol
crit-anc = ANC
crit-lymphocytes = Lymphocytes
crit-platelets = Platelets
crit-hb = Haemoglobin
crit-bilirubin = Total bilirubin
crit-ast = AST
crit-alt = ALT
crit-creatinine = Creatinine
crit-inr = INR
crit-albumin = Albumin
crit-lvef = LVEF
crit-age = Age
crit-lab-dates = Laboratory dates
crit-state-met = met
crit-state-not-met = NOT MET
crit-state-not-entered = NOT ENTERED
crit-no-value = —
crit-age-years = { $n } years
crit-limit-uln = { $sign } { $limit } ({ $k } × ULN; ULN { $uln })
crit-limit-uln-missing = { $sign } { $k } × ULN (ULN not entered)
crit-limit-lab-dates = within { $days } days before cyclophosphamide
crit-limit-creatinine = { $limit }, or CrCl ≥ { $clearance } mL/min
crit-note-too-old = taken { $days } days before cyclophosphamide; at most { $max }
crit-note-after-treatment = taken after cyclophosphamide
crit-note-no-uln = enter the site's upper limit of normal
crit-note-gilbert = Gilbert's syndrome: 3 × ULN
crit-note-liver-metastases = liver metastases: 5 × ULN
crit-note-clearance = Cockcroft-Gault CrCl { $clearance } mL/min, actual weight { $weight }
crit-note-clearance-needs = above 1.5 × ULN or no ULN: the clearance needs the date of birth and sex
crit-note-no-treatment-date = no Day 1: the 7-day rule cannot be checked
crit-basis-chosen = Laboratory values judged against the cyclophosphamide date { $date }.
crit-basis-window = Cyclophosphamide date not chosen: laboratory values must be recent for every day from { $first } to { $last }.
crit-basis-none = No Day 1: the laboratory dates cannot be judged.
cardiac-rule = withhold if down { $fall } points or more from baseline and below { $below }
cardiac-not-entered = LVEF not entered: the heart check is not done ({ $rule })
cardiac-no-baseline = latest { $latest } on { $date }; with no baseline LVEF the fall cannot be judged: the prescriber decides ({ $rule })
cardiac-given = baseline { $baseline }, latest { $latest } on { $date } (change { $fall } points): antibodies given ({ $rule })
cardiac-withhold = baseline { $baseline }, latest { $latest } on { $date } (down { $fall } points): WITHHOLD ({ $rule })
withheld-plain = withheld this cycle
withheld-reason = LVEF { $latest } on { $date }, down { $fall } points from baseline { $baseline }: withheld (rule: down { $points } points or more and below { $below })
withheld-large = WITHHELD — no dose
withheld-next = repeat the LVEF in about 3 weeks; stop if it has not recovered or falls further
infusion-over-range = over { $min } to { $max } min
infusion-basis-loading = loading dose
infusion-basis-maintenance = maintenance dose
infusion-basis-tolerated = previous infusion well tolerated
infusion-basis-not-tolerated = previous infusion not well tolerated: as the loading dose
infusion-basis-not-recorded = previous infusion's tolerance not recorded: as the loading dose
infusion-rate = { $rate } mL/h (bag volume { $volume } over { $minutes } min; the drug's volume not added)
infusion-rate-range = { $fast } to { $slow } mL/h (bag volume { $volume } over { $min } to { $max } min; the drug's volume not added)
infusion-rate-no-bag = rate: bag volume not set
infusion-line = { $time } ({ $basis }) · { $rate }
observe-before-next = { $min } to { $max } min after each pertuzumab infusion ends, before starting trastuzumab when it follows
observe-from-start = at least { $hours } h from the start of the first infusion
observe-minutes = { $minutes } min after the infusion (site setting)
observe-per-site = after later infusions: { $site }
l-sequence = Day 1 sequence
sequence-day1 = pertuzumab and trastuzumab in separate bags, one after the other in either order; if pertuzumab goes first, observe before starting trastuzumab
l-premedication = Premedication
l-antiemetic = Antiemetic prophylaxis
l-hydration = Hydration
l-cardiac = Heart (LVEF)
l-administration = Administration
crit-overridden = overridden by { $by } on { $at }: { $reason }
crit-summary-all-met = Every criterion met.
crit-summary-overridden = { $count ->
    [one] Every criterion met or overridden (1 override, signed below).
   *[other] Every criterion met or overridden ({ $count } overrides, signed below).
}
crit-summary-open = { $count ->
    [one] 1 criterion not met or not entered: no order sheet without the prescriber's reasoned override.
   *[other] { $count } criteria not met or not entered: no order sheet without the prescriber's reasoned override.
}
l-criteria = Criteria to treat (cycle 1)
crit-h-criterion = Criterion
crit-h-value = Value
crit-h-limit = Limit
crit-h-date = Date
crit-h-state = State
l-withheld = Withheld
l-next-step = Next
chosen-day = once, on { $day }
l-chosen-day = Day chosen
chosen-day-fill = NOT CHOSEN: pharmacist to write the date (Day -5 to Day -3) ________
l-infusion = Infusion
l-observation = Observation
l-nk-product-id = Product or donor ID
l-nk-bag-id = Bag ID
l-nk-released = Released or thawed
nk-infuse-by = by { $time } ({ $hours } h after release)
nk-infuse-within = within { $hours } h of release: { $fill }
l-nk-infuse-by = Infuse by
l-nk-route-set = Route and set
s-identity-check = Identity check at the bedside, against the bag label: patient { $name } · record { $record } · product { $product } · bag { $bag }   ☐ checked by ________________ and ________________
cli-site-settings-not-file = not a regular file of at most 256 kB
cli-site-settings-unreadable = --site-settings "{ $path }" cannot be read: { $detail }
cli-site-settings-invalid = --site-settings "{ $path }" cannot be used: { $detail }
cli-repeated-override = --override for "{ $value }" given more than once
cli-bad-override = --override "{ $value }": write CODE=REASON, the criterion's code and why treatment goes ahead
cli-override-needs-issuer = --override is recorded as the prescriber's: add --issued-by NAME
cli-criteria-hint = enter the missing results (--lab, --uln, --lvef, --dob, --sex), or, as the prescriber, --override CODE="reason" for each, with --issued-by NAME
refuse-criteria-open = { $count ->
    [one] No order sheet: 1 criterion to treat is not met or not entered, and not overridden.
   *[other] No order sheet: { $count } criteria to treat are not met or not entered, and not overridden.
}
bag-diluent-fill = { $diluent }, bag volume { $fill }

fill-in-entry = NOT ENTERED: copy from the bag label ________________
g-not-answered = — not answered —
g-yes = yes
g-no = no
g-date-time-hint = YYYY-MM-DD HH:MM
g-cyclo-bag = Cyclophosphamide bag (mL)
g-cyclo-minutes = Cyclophosphamide infusion (min)
g-trastuzumab-observation = Observation after later trastuzumab (min)
g-lvef-max-age = Oldest LVEF accepted (days)
g-days = days
g-nk-max-hours = NK cells: latest infusion after release (h)
g-heart = Heart (LVEF)
g-labs-hint = Value with its unit as the laboratory reports it (1.8 x10^9/L, 85 µmol/L), and the date taken.
g-criteria-enter-first = Enter the criteria to treat in the form (laboratory values, LVEF, sex): each one not met or not entered then needs a reason here before the sheet can leave.
g-uln-of = Upper limit of normal of { $test }
g-lab-missing-value = { $test }: the date is there but not the value; type the value with its unit.
g-lab-missing-date = { $test }: the value is there but not the date the sample was taken.
g-accepted-lab = in its row, the value with its unit (such as 1.8 × 10⁹/L, 1500 cells/µL, 85 µmol/L; the INR without a unit) and the date the sample was taken, YYYY-MM-DD
g-accepted-uln = the site's upper limit of normal with its unit, such as 1.2 mg/dL or 40 U/L
g-value-unit = Value and unit
g-female = female
g-male = male
g-liver-metastases = Documented liver metastases (AST/ALT up to 5 × ULN)
g-gilbert = Known Gilbert's syndrome (bilirubin up to 3 × ULN)
g-override-needs = An override is the prescriber's: type who issues the order, and a reason, first.
g-override-hint = why treatment goes ahead
g-override = Override
infusion-basis-site = site setting
register-connection = The order register at { $path } cannot be reached or did not answer in time ({ $detail }): nothing was recorded there. Check the network and the server, then try again.
register-login = The order register at { $path } refused the login ({ $detail }): check the user and password in the register's address.
register-network-fs = The order register { $path } is on a network file system ({ $fs }), where SQLite's locking is unreliable: use a local file, or the pharmacy's shared PostgreSQL register (postgres://…).
register-not-signed-in = This record must be signed by { $name }, who has not signed in with their secret on this workstation: nothing was recorded in the order register at { $path }. Sign in, then try again.
register-insecure = The order register at { $path } was not contacted: { $detail }. Nothing was sent (no password, no patient data).
field-subject = Trial subject number
override-refused = { $why }: a justification is given by a prescriber or a principal investigator; they sign in, type it and press Override.
cohort-lead-in = safety lead-in
cohort-expansion = expansion
next-start-none = Next patient ({ $cohort }): no previous patient in this register: may start now.
next-start-expansion-recorded = Next patient ({ $cohort }) may start from { $earliest }: { $hours } h after { $subject }'s last IL-2, given { $il2 } (recorded).
next-start-expansion-planned = Next patient ({ $cohort }) may start from { $earliest }: { $hours } h after the end of { $subject }'s planned Day 6 ({ $il2 }); no administration time recorded yet.
next-start-lead-in = Next patient ({ $cohort }) may start from { $earliest }: after the { $days }-day toxicity window of { $subject } ({ $previous }) from Day 1 ({ $day1 }); a safety lead-in patient on either side means this window, not 48 h.
cohort-not-recorded = cohort not recorded
step-issued = Issued
step-validated = Pharmaceutical validation
step-prepared = Prepared (bags re-entered)
step-double-checked = Independent double-check
step-administered = Administered
step-acknowledged = Warning acknowledged
step-override = Override
step-failed-login = Failed sign-in
role-administrator = administrator
role-investigator = principal investigator
role-prescriber = prescriber
role-pharmacist = pharmacist
role-technician = technician
role-nurse = nurse
signed-line = { $step }: { $name } ({ $role }), { $at }
signed-line-failed = { $step }: NOT PASSED, { $name } ({ $role }), { $at }
stagger-overridden = starts before the earliest permitted ({ $earliest }, after { $subject }): OVERRIDDEN by { $by } on { $at }: { $reason }
s-subject = Trial subject
s-cohort = Cohort
s-stagger = Stagger rule
s-signed-in-register = Signed in the register
cli-secret-file-bad = the secret file must be a regular file of at most 4 kB
cli-secret-missing = no secret: give --secret-file FILE or set NKACT_DOSE_SECRET (a secret is never taken from an argument)
person-unknown = { $name } is not an active person of this register
person-wrong-secret = the name or the secret for { $name } does not match: refused, and the attempt is recorded
person-wrong-role = { $name } ({ $role }) may not sign this step
person-same = { $name } already issued or checked this order: an independent check needs another person
person-exists = { $name } is already a person of this register
person-already-initialised = this register already has people: register init runs once
person-no-people = this register has no people yet: run `nkact-dose register init --admin NAME --secret-file FILE`
person-weak-secret = a secret needs at least { $min } characters, not only spaces, and must be hard to guess (no common words, names, dates or sequences alone): for example four unrelated words, or a long passphrase
person-looks-like = { $name } looks the same as { $other }, already a person of this register (letters from other alphabets, accents or full-width forms): choose a name that reads differently, for example with a second surname
person-changed = Done: { $name }
register-initialised = Register initialised: { $name } is its administrator
register-no-people-note = note: this register has no people: names are typed, not signed; run `nkact-dose register init` to sign each step
cli-bad-since = --since: write a date YYYY-MM-DD
refuse-invalid-stored = the stored order can no longer be calculated: open it in the window to see why
register-root-key = Signing key fingerprint of { $name }: { $fingerprint }. Keep it outside the register (on paper, in the pharmacy's file): `register verify` names the key the register's signatures start from.
chain-root = Signatures start from the key of the register's first administrator, fingerprint { $fingerprint }: compare it with the one kept when the register was initialised.
chain-unsigned = { $count } records were made before signatures began (not signed).
chain-head = Chain head: record { $seq }, { $hash }.
against-holds = { $file }: the register still holds the chain this file saw, up to record { $seq }.
against-truncated = { $file }: the register was CUT SHORT: it ends at record { $ends }, but this file saw record { $seq }.
against-rewritten = { $file }: the register was REWRITTEN: record { $seq } is not the one this file saw.
against-bad-signature = { $file }: this checkpoint is NOT signed by a key the register enrolled for the person it names.
against-not-anchor = { $file }: neither a checkpoint nor a sheet of this program.
file-unreadable = { $file } cannot be read: { $detail }
checkpoint-written = Checkpoint written to { $path }: record { $seq }, head { $head }, signed by { $name }. Keep it outside the register: `register verify --against` this file shows whether records were removed or rewritten since.
sheet-status-current = CURRENT: this sheet is order { $order } revision { $revision }, recorded as register record { $seq }, and that revision is the order's latest.
sheet-status-superseded = SUPERSEDED: order { $order } revision { $revision } (record { $seq }) was replaced by revision { $by }. Do not use this sheet.
sheet-status-reprint = A REPRINT: order { $order } revision { $revision }, recorded as reprint record { $seq }; the revision is the order's latest.
sheet-status-never = NEVER RECORDED: the register holds no record of this sheet (order { $order } revision { $revision }). Do not use it until the pharmacy confirms the order.
sheet-status-changed = THE REGISTER CHANGED AFTER PRINTING: { $list } no longer match what this sheet saw, or fail their check. Do not rely on this sheet; tell the pharmacy.
sheet-status-other = NOT A SHEET OF THIS REGISTER: order { $order } was recorded in another register, or this register was replaced.
scan-not-a-sheet = { $file } is not a sheet this program wrote (a PDF), nor a PNG or JPEG image of one.
scan-no-code = No seal code could be read on { $file }: scan the page again, flat, at 300 dpi or more, with the code at the foot of the page in view.
scan-too-large = { $file } is too large to read (more than 64 MB, or 80 million pixels).
reprint-refused-broken = Entry { $id } no longer matches its link in the register's chain (changed outside the program): it is not printed again. Run `register verify` and tell the pharmacy.
reprint-sign-in = This register knows people: a reprint is signed by who makes it (--as NAME --secret-file FILE).
entry-broken-mark = !! FAILS ITS CHAIN CHECK: changed outside the program
chain-intact = Register chain intact: { $count } records checked.
chain-broken = Register chain BROKEN at record { $seq } ({ $table }): it was changed or removed outside the program ({ $count } records checked).
cli-bad-cohort = --cohort: write lead-in or expansion
cli-bad-step = --step: write validated, prepared, double-checked or administered
cli-bad-administered = administered: give --drug, --day and --at “YYYY-MM-DD HH:MM”
field-administered-at = Time given
error-nonexistent-local-time = { $label }: "{ $value }" does not exist here: the clocks skip that hour when they change to summer time. Write the time as the clock showed it.
error-ambiguous-local-time = { $label }: "{ $value }" happened twice here: the clocks repeat that hour when they change to winter time, so which one is not known. Record it again after 03:00, or ask the ward for the instant.
admin-unknown-drug = { $drug } is not a product of this regimen: give interleukin-2, cyclophosphamide, trastuzumab, pertuzumab or nk-cells.
admin-not-a-planned-day = { $drug } is not given on Day { $day } of this order: nothing was signed.
admin-outside-planned-day = { $drug } on Day { $day } was planned for { $planned }: a time more than { $tolerance ->
        [one] 1 day
       *[other] { $tolerance } days
    } from it cannot be recorded for that day. Nothing was signed.
admin-in-future = { $drug }: the time given is after now; record an administration once it has happened. Nothing was signed.
cli-no-such-entry = The register holds no entry { $id }: give the entry number from `register list`, or an order ID.
cli-sign-no-such-order = The register holds no sheet of order { $order }, revision { $revision }: check the order ID and --revision. Nothing was signed.
signed = Signed: { $step } of { $order } by { $name }
cli-bad-role = --role: administrator, investigator, prescriber, pharmacist, technician or nurse
cli-sign-with-as = this register knows people: sign the order with --as NAME and your secret (--secret-file FILE or NKACT_DOSE_SECRET)
cli-not-the-signer = { $option } names someone else than --as: the person who signs issues and acknowledges
cli-trial-required = a cycle-1 order in this register names the trial subject and cohort: add --subject ID --cohort lead-in|expansion
cli-stagger-refused = this patient would start { $start }, before the trial allows. { $rule } A principal investigator may record --stagger-override “reason”.
refuse-sign-in = No order sheet: this register knows people; sign in with your name and secret first.
refuse-too-early = No order sheet: this patient would start { $start }, before the earliest the trial permits ({ $earliest }). A principal investigator may go ahead with a reason typed beside this message; it is signed and printed on the sheet.
g-signed-in-as = Signed in: { $name } ({ $role })
g-sign-out = Sign out
g-sign-in-title = Sign in to issue:
g-sign-in-name = name
g-sign-in-secret = password or PIN
g-sign-in = Sign in
g-newer = Newer
g-older = Older
g-page = Page { $page }
g-verifier-secret = Verifier's password or PIN
fill-in-datetime = date ____/____/______ time ____:____ (pharmacy, from the product label)
admin-none = Nothing is given on this order: no premedication, antiemetic prophylaxis or hydration
g-trial-required = A cycle-1 order in this register names the trial subject number and the cohort: answer both in the form.
g-stagger-override = Start earlier (principal investigator), reason:
person-line = { $name } · { $role }{ $state ->
    [disabled] {" "}(disabled)
   *[active] {""}
}
refuse-stagger-unchecked = No order sheet: the trial's stagger rule cannot be checked. { $why }
## The release workflow's refusals (issue 19), for both faces.
refuse-person = No order sheet: { $why }.
refuse-override-unsigned = No order sheet: the override of { $code } is given in the name of { $name }, who has not signed in to sign it.
refuse-trial-required = No order sheet: a cycle-1 order in this register names the trial subject number and the cohort.
refuse-subject-clash = No order sheet: subject { $subject } is recorded for record number { $held }, not { $record }. Check the subject number and the patient.
refuse-record-clash = No order sheet: record number { $record } is recorded as subject { $held }, not { $subject }. Check the subject number and the patient.
refuse-stale-stagger = No order sheet: the stagger override was given against subject { $given }; the previous patient is now subject { $now }. The override must be given again.
refuse-register-needed = No order sheet: signing needs the order register, and none can be used.
refuse-register = No order sheet, nothing recorded: { $error }
not-recorded-removed = The sheet { $path } was removed: the register could not record it.
not-recorded-printed = The sheet was printed but is NOT in the register: withdraw it, and print it again when the register can be reached.
g-register-checking = checking the order register…
g-register-unencrypted = The order register is reached over an UNENCRYPTED network link (sslmode=disable): patient data crosses the network in clear. Ask IT for TLS (verify-full).
g-col-revision = Revision
g-revision = rev. { $n }
g-revision-superseded = rev. { $n } — superseded
cli-sign-superseded = order { $order } revision { $revision } was replaced by revision { $latest }: sign the revision in force (--revision { $latest })
person-locked = { $name } is locked after { $max } wrong secrets in a row: an administrator must unlock it (register people unlock NAME)
person-last-admin = { $name } is the last active administrator and cannot be disabled: add another administrator first
cli-new-secret-file = the new secret comes from its own file: add --secret-file FILE (never from NKACT_DOSE_SECRET, which is the signer's)
cli-new-secret-prompt = New secret for { $name } (not shown): 
cli-new-secret-again = The same secret again: 
cli-new-secret-differ = the two secrets typed differ: nothing was changed
chain-broken-more = { $n ->
    [one] One more record does not match: { $list }
   *[other] { $n } more records do not match (the first 50 listed): { $list }
}
gs1-empty = the vial's code is empty: scan the pack's Data Matrix again, or type the lot and expiry
gs1-too-long = the scan is longer than any pack's code: scan one code at a time
gs1-not-gs1 = the scan does not start as a pack's GS1 code does (it starts { $start }): check the scanner's keyboard layout, then scan again
gs1-bad-character = character { $at } of the scan ({ $found }) is not one a GS1 code holds: the scanner's keyboard layout probably changed it; set it to the keyboard in use and scan again
gs1-unknown-ai = the code holds a field this program does not read ({ $ai }): type the lot and expiry by hand
gs1-truncated = the code's field ({ $ai }) is cut short: scan again
gs1-check-digit = the product code's check digit is { $found }, it should be { $expected }: the scan was misread; scan again
gs1-bad-expiry = the expiry in the code ({ $found }) is not a date: scan again, or type the lot and expiry
gs1-too-long-field = the code's field ({ $ai }) is longer than GS1 allows: scan again
gs1-repeated = the code holds field ({ $ai }) twice: scan again
gs1-lost-separator = the code's field ({ $ai }) is missing and another field seems to run into it: the scanner lost a separator (GS). Set the scanner to send GS, or type the lot and expiry
gs1-missing = the code has no field ({ $ai }) (a pack's code carries product, expiry and lot): type the lot and expiry by hand
gs1-expired = this lot expired on { $expiry }, before the preparation: use another vial
gs1-bad-lot = the lot must be 1 to 20 letters, digits or GS1's punctuation

## Issue 21: the product after release
step-labelled = Labels printed
step-received = NK product received
unit-bag = Bag { $n } of { $of }
unit-syringe = Syringe { $n } of { $of }
unit-window = once, between { $first } and { $last }
storage-refrigerated = Store at 2–8 °C (refrigerator)
storage-room = Store at room temperature (not above 30 °C)
bag-code-empty = the bag's code is empty: scan the code on the bag's label
bag-code-not = this is not a bag label of this program: scan the square code on the pharmacy's label
bag-code-damaged = the bag's code does not pass its check (misread or altered): scan it again; if it fails again, do not give the bag and call the pharmacy
measure-unreadable = the measured value { $value } is not read: write it as "26.8 mL" or, to weigh, "27.3 g"
measure-no-density = { $drug } has no density set by the pharmacy: write the measured volume in mL, not a mass
measure-no-target = this preparation has no volume to measure against
receipt-order-names-none = the order names no NK product and bag: the prescriber must issue a revision with the product and bag IDs before the product is received. Nothing was signed.
receipt-other-product = the product received is { $got }, the order's is { $want }: do not accept it; call the cell-therapy unit. Nothing was signed.
receipt-other-bag = the bag received is { $got }, the order's is { $want }: do not accept it; call the cell-therapy unit. Nothing was signed.
receipt-missing = the condition on arrival ({ $field }) is empty: write what was seen. Nothing was signed.
receipt-future = the release or thaw time is after now. Nothing was signed.
bedside-unknown-code = DO NOT GIVE: the scanned code { $code } is not a label of this order nor its NK bag. Check you have the right bag.
bedside-damaged = DO NOT GIVE: the bag's code does not pass its check (misread or altered). Scan again; if it fails again, call the pharmacy.
bedside-wrong-patient = DO NOT GIVE: the wristband { $wristband } is not this order's patient (record { $record }). Check the patient's identity.
bedside-another-patient = DO NOT GIVE: this bag is for another patient (record { $bag }), not the patient with wristband { $wristband }.
bedside-another-order = DO NOT GIVE: this bag belongs to another order of this patient ({ $order }). Use the bag of this order.
bedside-superseded = DO NOT GIVE: this bag was prepared for revision { $revision } of the order; revision { $latest } replaced it. Call the pharmacy.
bedside-withheld = DO NOT GIVE: { $drug } is withheld in the current revision of this order. Call the prescriber.
bedside-not-labelled = DO NOT GIVE: the register holds no label printed for bag { $bag } of this order. Call the pharmacy.
bedside-already-given = DO NOT GIVE: this bag was already given at { $at } by { $by }.
bedside-not-received = DO NOT GIVE: the NK product's receipt was not signed in the register. The pharmacy or cell-therapy unit must receive it first.
bedside-past-beyond-use = This bag expired at { $until } (beyond-use date and time).
bedside-past-infuse-by = The NK cells had to be infused by { $by }.
bedside-infuse-by-unknown = The NK product's "infuse by" time is not known: the pharmacy has not set its hours after release or thaw.
bedside-il2-before-nk = The Day 2 IL-2 is given after the NK cells, and their infusion is not recorded yet.
bedside-il2-too-late = The Day 2 IL-2 must follow the NK infusion (given { $nk }) within { $hours } hours.
bedside-override-needs = Not given. To give it anyway, a prescriber must override with a reason.
ws-title = Preparation worksheet
ws-strip = { $name } · record { $record } · cycle { $cycle } · BSA { $bsa } · weight { $weight }
ws-nothing = This order has no dose to prepare.
ws-day = Day
ws-route = Route
ws-stock = Stock
ws-vials = Vials
ws-draw = Volume to draw
ws-draw-diluted = { $volume } of the stock diluted to { $concentration }
ws-diluent = Diluent and bag
ws-syringe = syringe, undiluted
ws-final = Final volume
ws-final-syringe = { $volume } (syringe)
ws-final-site = as the site's manual says
ws-infusion = Infusion
ws-infusion-line = { $minutes } min at { $rate } mL/h
ws-infusion-minutes = { $minutes } min
ws-beyond = Beyond use
ws-beyond-hours = { $hours } h after preparation; { $storage } ({ $source })
ws-beyond-none = to be completed by the pharmacy (no source could be read: a site setting); { $storage }
ws-lots = Vials used
ws-lot-blank = lot ______________   expiry ____________
ws-lot-line = lot { $lot }, expiry { $expiry } (GTIN { $gtin })
ws-measured = Measured
ws-measured-blank = ____________ mL or g (target { $target }, tolerance ± { $tolerance } %)
ws-measured-line = { $value } = { $volume } against { $target }: { $deviation } % { $verdict }
ws-within = within ± { $tolerance } %
ws-outside = OUTSIDE ± { $tolerance } %: do not release; prepare again
ws-preparer = Prepared by
ws-checker = Checked by
ws-signature-blank = ______________________ on ____________
ws-signed = { $name }, { $at }
ws-footer = { $program } { $version } · worksheet printed { $at } · order content { $fingerprint }
lb-title = Bag labels
lb-record = Record { $record }
lb-contents-bag = { $volume } of drug in { $bag }; final volume { $final }
lb-contents-syringe = { $volume } in the syringe
lb-infusion = Infuse over { $line }
lb-prepared = Prepared { $at }
lb-beyond = USE BEFORE { $at }
lb-beyond-none = BEYOND USE: to be completed by the pharmacy ______________
lb-order = Order { $order } rev. { $revision } · { $unit }
cli-no-such-bag = this order has no bag or syringe { $bag } (it has { $count }): the number is the one on the worksheet and the label
measure-outside = the measured { $value } is { $deviation } % from the target { $target }, outside ± { $tolerance } %: prepare it again, or record this preparation as failed (--failed). Nothing was signed.
cli-product-sign-in = this register knows people: say who signs "{ $step }" with --as NAME (and the secret in --secret-file or NKACT_DOSE_SECRET)
cli-product-needs-people = this step is signed by a person: the register must know people (register init)
labels-done = { $count } labels of order { $order } rev. { $revision }.
labels-not-recorded = This register knows no people: the labels were not recorded, and the bedside check will refuse them.
received-infuse-by = NK product { $product } received and signed. Infuse by { $by }.
received-infuse-by-unknown = NK product { $product } received and signed. "Infuse by" is not known: the pharmacy has not set the hours after release or thaw (the bedside check will ask for a prescriber's override).
cli-override-reason-empty = the override's reason is empty: write why it is given anyway
nk-cells-name = NK cells
administered-ok = Checked at the bedside and signed: { $drug }, Day { $day }, by { $name }.
administered-overridden = Overridden by the prescriber: { $what }
cli-trace-empty = the lot to trace is empty
trace-lot-none = No bag in this register received lot { $lot }.
trace-lot-line = lot { $lot } · { $patient } (record { $record }) · order { $order } rev. { $revision } · bag { $bag } ({ $drug }) · prepared { $prepared } by { $by } · given: { $given }
trace-not-given = not yet
trace-nk-none = No receipt of NK product { $product } in this register.
trace-nk-head = NK product { $product }, bag { $bag } · { $patient } (record { $record }) · order { $order }
trace-failed = failed
overrides-none = No override has been given in this register.
paper-written = Written to { $path }
stability-smpc = { $product } SmPC §6.3
stability-site = the site's aseptic validation
labels-unrecorded = The labels were not recorded ({ $why }): destroy them; the bedside check refuses a label the register does not hold.
g-labels-sign-in = Sign in first: labels are signed as printed by the person signed in.
g-adm-title = Administration: the bedside check
g-adm-help = Scan the patient's wristband, then the bag's label (or type them). The program checks both against the order before the administration is signed.
g-adm-open = Administration…
g-adm-order = Order ID
g-adm-wristband = Wristband (record number)
g-adm-bag = Bag label code
g-adm-scan-hint = scan here
g-adm-at = Given at
g-adm-at-hint = empty: now (YYYY-MM-DD HH:MM)
g-adm-nurse = Nurse
g-adm-nurse-secret = Nurse's secret
g-adm-override-title = Override by a prescriber (a reason is required)
g-adm-reason = Reason
g-adm-prescriber = Prescriber
g-adm-prescriber-secret = Prescriber's secret
g-adm-submit = Check and sign the administration
g-adm-missing = { $field } is empty: scan or type it
g-adm-override-incomplete = An override needs both a reason and the prescriber who gives it.
g-labels = Labels
g-worksheet = Worksheet
g-administer = Administer
lb-contents-bag-site = { $volume } of drug; diluent, bag and final volume as the site's manual says: ______
ws-too-small = under the measurable minimum ({ $min }): measure as the site's procedure for small volumes says, and record what was measured
step-qualified = Qualification signed
st-title = Operational qualification of nkact-dose
st-header = { $program } { $version } · run { $date } · workstation { $workstation }
st-binary = Binary SHA-256: { $sha }
st-pass = PASS  { $id }: { $got } ({ $source })
st-fail = FAIL  { $id }: expected { $expected }, got { $got } ({ $source })
st-no-register = No order register is configured here (--register or NKACT_DOSE_REGISTER): it was not checked.
st-all-passed = All { $count } checks passed.
st-failed = { $failed } of { $count } checks FAILED: do not use this workstation for the trial until they pass.
st-signed = Signed in the register by { $name } (record { $record }); results SHA-256 { $sha }.
st-bad-cases = the case set { $file } cannot be used: { $why }
g-set-by-pharmacy = set by the pharmacy
g-policy-invalid = The pharmacy's settings file { $path } cannot be used ({ $why }): nothing is locked; call the pharmacy or IT.
