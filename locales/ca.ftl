# nkact-dose: les paraules en català (Catalan words of nkact-dose).
#
# PARTLY MACHINE-ASSISTED AND PENDING CLINICAL REVIEW: this file must be
# reviewed by a Catalan-speaking hospital pharmacist before clinical use.
#
# One message per sentence or label. Placeables ({ $name }) carry values the
# program has already written: numbers follow ISMP (no trailing zero, a
# leading zero, a space before the unit and before "%", no digit grouping with
# a point or a comma) with the document's decimal mark. Counts that choose a
# plural arrive as numbers; Catalan uses the CLDR categories [one] and *[other].
#
# GLOSSARI / GLOSSARY (sources: TERMCAT, "Diccionari d'infermeria" and
# "Diccionari enciclopèdic de medicina"; the Spanish file's sources for the
# clinical meaning)
# - superfície corporal (body-surface area; never "SC")
# - dosi de càrrega / dosi de manteniment (plural: les dosis)
# - recàrrega: the loading dose given again after a long interval (badge)
# - via intravenosa (IV) / via subcutània (never "SC")
# - cicle, dia (dia 1, dia -1; no day 0)
# - full de prescripció i ordre de preparació
# - validació farmacèutica; doble verificació independent
# - al·lèrgies
# - NHC (número d'història clínica)
# - unitats (never "UI" or "U")
# - cèl·lules NK
# - interleucina-2 (aldesleucina); ciclofosfamida; clorur sòdic 0,9 %
# - talla (body height, in cm)
# Dates: day first, month in letters: "1 des 2026 (dt)".

## Noms

window-title = { $program } · { $regimen } ({ $protocol })
regimen-title = NK-ACT-BC: cèl·lules NK al·logèniques amb trastuzumab i pertuzumab
diagnosis = Càncer de mama metastàtic HER2 positiu

# Field labels carry their grammatical gender (.gender) for agreement.
field-weight = Pes (kg)
    .gender = masculine
field-height = Talla (cm)
    .gender = feminine
field-bsa-formula = Fórmula de superfície corporal
    .gender = feminine
field-bsa-cap = Límit de superfície corporal (m²)
    .gender = masculine
field-nk-cells = Cèl·lules NK
    .gender = feminine-plural
field-cycle = Cicle
    .gender = masculine
field-day1 = Data del dia 1
    .gender = feminine
field-last-trastuzumab = Data de l'última dosi de trastuzumab
    .gender = feminine
field-last-pertuzumab = Data de l'última dosi de pertuzumab
    .gender = feminine
field-previous-weight = Pes usat en les dosis anteriors (kg)
    .gender = masculine
field-settings = Configuració
    .gender = feminine
field-patient-name = Nom i cognoms del pacient
    .gender = masculine
field-patient-id = NHC (número d'història clínica)
    .gender = masculine
field-date-of-birth = Data de naixement
    .gender = feminine
field-allergies = Al·lèrgies
    .gender = feminine-plural
field-issued-by = Emesa per
    .gender = feminine
field-acknowledged-by = Avisos confirmats per
    .gender = masculine
field-verifier = Nom de qui verifica
    .gender = masculine
field-reason = Motiu
    .gender = masculine

drug-cyclophosphamide = Ciclofosfamida
drug-trastuzumab = Trastuzumab
drug-pertuzumab = Pertuzumab
drug-interleukin2 = Aldesleucina (interleucina-2)

# Routes are written out: never "SC".
route-intravenous = via intravenosa (IV)
route-subcutaneous = via subcutània

formula-mosteller = Mosteller
formula-dubois = DuBois & DuBois
formula-haycock = Haycock
formula-gehan-george = Gehan & George
formula-boyd = Boyd

diluent-nacl-09 = clorur sòdic { $pct } %
paper-a4 = A4
paper-letter = Carta (EUA)
lang-en = English
lang-es = Español
lang-ca = Català
decimal-mark-point = punt
decimal-mark-comma = coma

## Quantitats

# "unitats", never "UI" or "U".
amount-mg = { $n } mg
amount-units = { $n } unitats
amount-units-millions = { $n } unitats ({ $millions } { $m ->
    [one] milió
   *[other] milions
} d'unitats)
amount-million-units = { $millions } { $m ->
    [one] milió
   *[other] milions
} d'unitats
rate-mg-per-m2 = { $n } mg/m²
rate-mg-per-kg = { $n } mg/kg
rate-units-per-m2 = { $n } unitats/m²
rate-units-per-kg = { $n } unitats/kg
concentration-mg = { $n } mg/mL
concentration-units = { $n } unitats/mL
concentration-million-units = { $millions } { $m ->
    [one] milió
   *[other] milions
} d'unitats/mL
volume-ml = { $n } mL
measure-kg = { $n } kg
measure-cm = { $n } cm
measure-m2 = { $n } m²
cells = { $pow } cèl·lules ({ $millions } { $m ->
    [one] milió
   *[other] milions
})
nk-range = de { $min } a { $max }
nk-large = { $pow } cèl·lules
vials-none = cap
vials-of = { $count ->
    [one] { $count } de { $size }
   *[other] { $count } de { $size }
}

## Dies i dates

day-label = Dia { $day }
date = { $day } { $month } { $year }, { $weekday }
date-plain = { $day } { $month } { $year }
datetime = { $day } { $month } { $year }, { $time } h
day-with-date = { $day } ({ $date })
days-once-within = dosi única, un sol dia: del { $first } al { $last }
days-count = { $n ->
    [one] { $n } dia
   *[other] { $n } dies
}
month-short = { $m ->
    [1] gen
    [2] febr
    [3] març
    [4] abr
    [5] maig
    [6] juny
    [7] jul
    [8] ag
    [9] set
    [10] oct
    [11] nov
   *[12] des
}
weekday-short = { $d ->
    [1] dilluns
    [2] dimarts
    [3] dimecres
    [4] dijous
    [5] divendres
    [6] dissabte
   *[7] diumenge
}
event-window = { $drug }: dosi única en un d'aquests dies
event-nk-infusion = Infusió de cèl·lules NK
event-next-cycle = Dia 1 del cicle següent

## Càlcul

bsa-working = { $formula }: { $expression } = { $unrounded } m², arrodonida a { $rounded }
bsa-working-capped = { $working }; limitada a { $cap } (límit de superfície corporal indicat en aquesta ordre): les dosis fan servir { $cap } en lloc de { $rounded }
bsa-boyd-expression = G = { $w } kg × 1000 g/kg = { $g } g; { $k } × { $h }^{ $a } × G^({ $b } − { $s } × log10 G)
phase-loading = dosi de càrrega
phase-maintenance = dosi de manteniment
phase-first-cycle = el cicle 1 comença amb la dosi de càrrega
# "recàrrega": the loading dose given again after a long interval.
phase-within = última dosi { $last }, dia 1 { $day1 }: { $days ->
    [one] { $days } dia
   *[other] { $days } dies
} des de l'última dosi ≤ { $max } dies: manteniment (recàrrega si ≥ { $reload } dies)
phase-exceeded = última dosi { $last }, dia 1 { $day1 }: { $days ->
    [one] { $days } dia
   *[other] { $days } dies
} des de l'última dosi > { $max } dies: RECÀRREGA (recàrrega si ≥ { $reload } dies)
phase-not-checked = interval des de l'última dosi sense comprovar (falten les dates)
working-product = { $rate } × { $basis } = { $result }
working-product-capped = { $rate } × { $basis } = { $result } (superfície corporal limitada; sense límit, { $uncapped_bsa } donaria { $uncapped_dose })
working-flat = dosi fixa de { $amount }
working-phase = { $formula } ({ $phase })
working-rounded = { $formula }; dosi arrodonida a { $dose } (múltiple de { $increment } més proper)
working-phase-rounded = { $formula } ({ $phase }); dosi arrodonida a { $dose } (múltiple de { $increment } més proper)
after-nk = { $day }: en les { $hours } h següents a la infusió de cèl·lules NK, mai abans
infusion-over = { $minutes } min
bag-in = { $volume } de { $diluent }
bag-volume = bossa de { $volume }
too-small-dilute = { $volume } és inferior al volum mínim mesurable de { $min }: dilueu fins a { $concentration } i després extraieu { $draw }
too-small-no-step = { $volume } és inferior al volum mínim mesurable de { $min }: dilueu segons protocol del centre (dilució intermèdia no configurada al programa)
nk-pending = PENDENT
nk-within-range = DINS DEL RANG
nk-out-of-range = FORA DE RANG
nk-line-within = { $cells }: dins del rang ({ $range } cèl·lules)
nk-line-out = { $pow } cèl·lules ({ $count } cèl·lules): FORA DE RANG, ha d'estar en el rang { $range } cèl·lules; no infondre
nk-line-pending = pendent de l'alliberament del producte: ha de contenir { $range } cèl·lules
weight-change-line = de { $from } a { $to }: variació del { $pct } % (recalculeu si ≥ { $threshold } %)
reload-badge = RECÀRREGA

## Avisos

warn-weight-soft = El pes de { $value } és fora de l'interval habitual de { $min } a { $max }: comproveu-lo
warn-height-soft = La talla de { $value } és fora de l'interval habitual de { $min } a { $max }: comproveu-la
warn-bsa-soft = La superfície corporal de { $value } és fora de l'interval habitual de { $min } a { $max }: comproveu la talla i el pes
warn-interval-not-checked = { $drug }: s'indica la dosi de manteniment sense comprovar l'interval des de l'última dosi; introduïu la data del dia 1 i la de l'última dosi de { $drug } per comprovar si cal tornar a administrar la dosi de càrrega
warn-interval-too-short = { $drug }: última dosi { $last }, dia 1 { $day1 }: només { $days ->
    [one] { $days } dia
   *[other] { $days } dies
} des de l'última dosi, menys dels { $min } dies que permet una pauta cada 3 setmanes; comproveu les dates i indiqueu un motiu per continuar
warn-volume-too-small = { $drug }: { $volume } és inferior al volum mínim mesurable de { $min }; no hi ha cap pas de dilució configurat
warn-bsa-cap-dose = { $drug }: { $uncapped } sense límit, { $capped } amb límit
warn-bsa-cap = El límit de superfície corporal de { $cap } indicat en aquesta ordre redueix les dosis (superfície corporal sense límit: { $uncapped }): { $doses }
warn-last-dose-ignored = S'ha introduït una data d'última dosi de { $drug } ({ $date }) en el cicle 1: el cicle 1 sempre porta la dosi de càrrega, de manera que aquesta data no es fa servir; comproveu el cicle
warn-nk-not-this-cycle = Les cèl·lules NK només s'administren en el cicle 1; el recompte introduït no es fa servir en el cicle { $cycle }
warn-weight-change = El pes ha canviat des de les últimes dosis: { $change }
warn-age-under-18 = El pacient és menor de 18 anys (edat: { $age }; data de naixement: { $dob }): el protocol inclou pacients de 18 anys o més; indiqueu un motiu per continuar
warn-allergy-antibody = Les al·lèrgies esmenten un fàrmac d'aquest esquema ({ $drugs }): la hipersensibilitat al trastuzumab o al pertuzumab exclou el pacient (criteri d'exclusió 6 del protocol); indiqueu un motiu per continuar
warn-allergy = Les al·lèrgies esmenten un fàrmac d'aquest esquema ({ $drugs }): aquesta ordre inclou aquest fàrmac; indiqueu un motiu per continuar
warn-allergies-mixed-scripts = Les al·lèrgies barregen lletres d'alfabets diferents (una lletra ciríl·lica o grega que sembla llatina): torneu-les a llegir i contrasteu-les amb la història clínica del pacient
warn-name-mixed-scripts = El nom del pacient "{ $name }" barreja lletres d'alfabets diferents (per exemple, una lletra ciríl·lica que sembla llatina): comproveu-lo amb els documents del pacient
warn-day1-before-order = El dia 1 ({ $day1 }) és anterior a la data de l'ordre ({ $order_date }): comproveu la data del dia 1
warn-window-before-order = { $drug }: tota la seva finestra d'administració acaba el { $last }, abans de la data de l'ordre ({ $order_date }): comproveu la data del dia 1

## Errors d'entrada
# $label is the field's label, $value the value as typed, $gender the label's
# grammatical gender. Two labels are plural ("Al·lèrgies", "Cèl·lules NK"), so
# the sentences are built so that no adjective has to agree with the label.

accepted-weight = un pes en kg de { $min } a { $max }, escrit com 70,5 o 70.5
accepted-height = una talla en cm de { $min } a { $max }, escrita com 170 o 170,5
accepted-bsa-cap = un límit en m² de { $min } a { $max }, com 2 o 2,2; si es deixa buit, no s'aplica cap límit
accepted-bsa-formula = una d'aquestes: { $keys }
accepted-nk-cells = un recompte de cèl·lules positiu, com 2e8, 2.5E8, 2,5e8, 2.5x10^8, 2.5 × 10^8, 250 milions o 200000000, en nombre enter de cèl·lules; buit mentre el recompte estigui pendent
accepted-cycle = un nombre enter d'1 a { $max }
accepted-date = una data escrita AAAA-MM-DD, com 2026-03-02, entre els anys { $first } i { $last }
accepted-settings = nombres positius per a cada producte, arrodoniment i llindar
accepted-patient-name = el nom i els cognoms del pacient, fins a { $max } caràcters
accepted-patient-id = l'NHC: lletres majúscules A-Z, xifres, espais, - / i ., fins a { $max } caràcters
accepted-person = el nom d'una persona, fins a { $max } caràcters
accepted-reason = un motiu escrit amb paraules (3 lletres o més), fins a { $max } caràcters
accepted-date-of-birth = una data escrita AAAA-MM-DD, no futura, a partir de 1900
accepted-allergies = les al·lèrgies escrites (no "?", "desconegut" ni "NKA"), o "cap de coneguda", fins a { $max } caràcters

error-with-accepted = { $error } S'admet: { $accepted }.
# Agreement with the field's gender and number (the .gender attribute of each field-* label).
error-missing = { $label } { $gender ->
    [feminine] és obligatòria.
    [feminine-plural] són obligatòries.
    [masculine-plural] són obligatoris.
   *[masculine] és obligatori.
}
error-not-a-number = { $label }: "{ $value }" no és un nombre.
error-not-positive = { $label }: "{ $value }" ha de ser més gran que zero.
error-below-min = { $label }: "{ $value }" és inferior al mínim admès.
error-above-max = { $label }: "{ $value }" és superior al màxim admès.
error-metres = { $label }: "{ $value }" sembla que està en metres: introduïu la talla en centímetres ({ $m } m = { $cm } cm).
error-metres-plain = { $label }: "{ $value }" sembla que està en metres: introduïu la talla en centímetres.
error-millimetres = { $label }: "{ $value }" sembla que està en mil·límetres: introduïu la talla en centímetres ({ $mm } mm = { $cm } cm).
error-millimetres-plain = { $label }: "{ $value }" sembla que està en mil·límetres: introduïu la talla en centímetres.
error-grams = { $label }: "{ $value }" sembla que està en grams: introduïu el pes en quilograms ({ $g } g = { $kg } kg).
error-grams-plain = { $label }: "{ $value }" sembla que està en grams: introduïu el pes en quilograms.
error-not-whole = { $label }: "{ $value }" ha de ser un nombre enter.
error-not-a-date = { $label }: "{ $value }" no és una data (o no és un dia que existeixi).
error-date-out-of-range = { $label }: "{ $value }" és fora dels anys admesos.
error-not-before-day1 = { $label }: "{ $value }" ha de ser anterior a la data indicada a { $day1 }.
error-unknown-formula = { $label }: "{ $value }" no és una fórmula de superfície corporal que aquest programa conegui.
error-bad-setting = { $label }: "{ $value }" no es pot fer servir.
error-forbidden-characters = { $label }: "{ $value }" conté caràcters que aquí no s'admeten: { $chars }.
error-right-to-left = { $label }: "{ $value }" conté lletres que s'escriuen de dreta a esquerra, que el full de prescripció encara no pot imprimir en el seu ordre de lectura.
error-invisible-only = { $label }: "{ $value }" només conté caràcters invisibles: s'imprimiria en blanc.
error-too-long = { $label } supera els { $max } caràcters.
error-unprintable = { $label }: "{ $value }" conté caràcters que la font del full de prescripció no pot imprimir (apareixerien com a quadres buits): { $chars }.
error-too-many-decimals = { $label }: "{ $value }" { $max ->
    [0] s'ha d'escriure sense decimals.
    [one] té més d'1 decimal.
   *[other] té més de { $max } decimals.
}
error-not-whole-count = { $label }: "{ $value }" ha de ser un nombre enter de cèl·lules, amb 15 xifres significatives com a màxim.
error-stray-marks = { $label }: "{ $value }" té accents o altres diacrítics sense lletra a sota, o més de 3 sobre una mateixa lletra: no s'imprimiria tal com s'ha escrit.
error-placeholder = { $label }: "{ $value }" és un text de farciment, no la dada en si.

char-tab = tabulador
char-line-feed = salt de línia
char-carriage-return = retorn de carro
char-escape = escapada
char-delete = caràcter d'esborrat
char-next-line = línia següent
char-soft-hyphen = guionet condicional
char-zero-width-space = espai d'amplada zero
char-zero-width-non-joiner = separador d'amplada zero
char-zero-width-joiner = unió d'amplada zero
char-direction-mark = marca de direcció
char-bidi-override = control de direcció bidireccional
char-word-joiner = unió de paraules
char-zero-width-no-break-space = espai sense salt d'amplada zero

## Doble verificació

mismatch-no-verifier = El nom de qui verifica és obligatori.
mismatch-same-person = La doble verificació l'ha de fer una segona persona, diferent de qui ha emès l'ordre.
mismatch-identity = Confirmeu el nom, l'NHC i la data de naixement del pacient a l'etiqueta de cada bossa o xeringa.
mismatch-measure = { $label } no coincideix amb la primera entrada: comproveu la dada en el seu origen i torneu-la a introduir.
mismatch-dose = { $drug }: la dosi de l'etiqueta no coincideix amb l'ordre: comproveu la bossa o xeringa i torneu a introduir-ne la dosi.

## Rebutjos, fitxers, registre, impressió

order-id-revision = { $id } rev. { $revision }
refuse-invalid = No es genera el full de prescripció: primer corregiu les dades marcades amb error.
refuse-nk-out-of-range = No es genera el full de prescripció: el recompte de cèl·lules NK és fora de rang; ha d'estar en el rang { $range } cèl·lules.
refuse-unacknowledged = { $count ->
    [one] No es genera el full de prescripció: primer cal confirmar 1 avís.
   *[other] No es genera el full de prescripció: primer cal confirmar { $count } avisos.
}
refuse-font = No es genera el full de prescripció: no s'ha pogut carregar la font incrustada.
refuse-still-typing = Encara no es genera el full de prescripció: s'està escrivint una mesura. Premeu Tab o Retorn per acabar el camp; fins aleshores, les dosis que es mostren són provisionals.

file-io = No s'ha pogut fer servir { $path }: { $error }. No s'ha modificat res.
file-exists = { $path } ja existeix; no s'ha substituït (feu servir --force per substituir-lo).
file-corrupt = { $path } no és un fitxer d'ordre llegible ({ $detail }). No s'ha modificat res.
file-wrong-format = { $path } no és una ordre de nkact-dose (format "{ $found }"). No s'ha modificat res.
file-wrong-version = { $path } té la versió { $found } del format d'ordre; aquest programa llegeix les versions 1 a { $version }. No s'ha modificat res.
file-changed = { $path } s'ha modificat o malmès des que es va desar (la suma de comprovació no coincideix); no s'ha obert. No s'ha modificat res.
file-too-large = { $path } és més gran del que pot ser un fitxer d'ordre ({ $max } bytes com a màxim); no s'ha llegit. No s'ha modificat res.
file-not-regular = { $path } no és un fitxer normal (és una carpeta, un dispositiu o un enllaç simbòlic); no s'ha fet servir. No s'ha modificat res.
file-invalid = { $path } conté valors que no es poden fer servir: { $errors } No s'ha modificat res.

register-locked = Un altre programa té bloquejat el registre d'ordres { $path }.
register-read-only = No es pot escriure al registre d'ordres { $path } (només lectura).
register-corrupt = El registre d'ordres { $path } està malmès o no és un registre ({ $detail }).
register-newer = El registre d'ordres { $path } té la versió d'esquema { $found }, posterior a la { $version } d'aquest programa.
register-other = No s'ha pogut fer servir el registre d'ordres { $path }: { $detail }.
register-not-a-file-empty = No es pot fer servir el registre d'ordres "{ $path }": un camí buit no desa res; indiqueu un fitxer.
register-not-a-file-memory = No es pot fer servir el registre d'ordres "{ $path }": una base de dades en memòria o URI no desa res quan el programa acaba; indiqueu un fitxer.
register-not-a-file-folder = No es pot fer servir el registre d'ordres "{ $path }": és una carpeta; indiqueu un fitxer que hi hagi a dins.
register-not-a-file-broken-link = No es pot fer servir el registre d'ordres "{ $path }": és un enllaç simbòlic que no apunta enlloc.
register-not-a-file-special = No es pot fer servir el registre d'ordres "{ $path }": no és un fitxer normal.
register-duplicate-id = El registre d'ordres { $path } ja conté una altra ordre amb l'identificador { $id }; aquesta no s'ha anotat.
not-recorded = AVÍS: aquesta ordre NO s'ha anotat al registre. { $error }
not-recorded-no-location = AVÍS: aquesta ordre NO s'ha anotat: no hi ha carpeta de dades per al registre d'ordres (feu servir --register PATH).
recorded = Anotada al registre d'ordres { $path }: { $action }
action-exported = exportada
action-printed = impresa
action-reprinted = reimpresa
action-check-failed = doble verificació no superada

print-no-service = No s'ha pogut accedir al servei d'impressió (CUPS): { $detail }. L'ordre no s'ha imprès.
print-rejected = S'ha rebutjat la tasca d'impressió: { $detail }. L'ordre no s'ha imprès.
print-no-default = No s'ha imprès: aquest equip no té impressora predeterminada; trieu una impressora a la llista al costat d'Imprimir (el full no consta com a imprès).
print-unsupported = La impressió no està disponible en aquest sistema; exporteu el PDF i imprimiu-lo des d'un visualitzador.
print-timeout = La tasca d'impressió { $job } no ha acabat a temps.
print-failed = El servei d'impressió ha cancel·lat o interromput la tasca d'impressió { $job }.
printed-to = Enviada a la impressora { $printer } com a tasca { $job }
printed-default = Enviada a la impressora predeterminada com a tasca { $job }
written = Full de prescripció desat a { $path }

acknowledged = { $warning } — confirmat per { $by } el { $at }
acknowledged-with-reason = { $warning } — confirmat per { $by } el { $at }; motiu: { $reason }
acknowledged-short = — { $by }, { $time }
verified-by = Verificada per { $verifier } el { $at }

## Full de prescripció

sheet-header-left = { $regimen } · { $protocol } · { $sponsor }
sheet-page = Pàgina { $page } de { $pages }
# "empremta": the order's fingerprint (a checksum of its content).
sheet-footer = { $program } { $version } · generat el { $at } · codi de control { $fingerprint } · { $mark }
sheet-seal-title = Segell del registre · comproveu-lo amb nkact-dose register verify-sheet (aquest PDF o un escaneig)
sheet-seal-order = Ordre { $order } · revisió { $revision } · empremta { $fingerprint }
sheet-seal-record = Anotada com a registre { $seq } del registre d'ordres, després del cap de la cadena:
sheet-seal-unrecorded = No anotada en un registre d'ordres en imprimir-se.
sheet-seal-unencrypted = AVÍS: s'ha accedit al registre per un enllaç de xarxa SENSE XIFRAR (sslmode=disable).
sheet-identity-strip = Pacient: { $name } · NHC: { $record } · Data de naixement: { $dob }
sheet-revision = revisió { $revision }: substitueix la revisió { $previous } d'aquesta ordre
sheet-phase = { $phase }: { $reason }
sheet-numbers-with = separador decimal: { $mark }

## Finestra

g-bag-label = { $drug } ({ $unit })
g-saved = Ordre desada a { $path }
g-opened = Ordre oberta des de { $path }; dosis recalculades a partir de les seves dades
g-confirm-replace = { $path } ja existeix. Voleu substituir-lo?
g-reopened = Ordre { $id } reoberta des del registre; dosis recalculades a partir de les seves dades
g-unit-mg = mg
g-unit-units = unitats
g-col-when = Data i hora
g-col-action = Acció
g-col-order = Ordre
g-col-fingerprint = Codi de control
g-col-patient = Pacient
g-col-record = NHC
g-col-cycle = Cicle
g-col-verified = Verificada per
g-col-doses = Dosis
g-col-lang = Llengua del full
g-language = Llengua
g-decimal-mark = Separador de decimals a la pantalla i al paper
g-discard-question = Aquesta ordre té canvis que no s'han desat ni emès. Voleu descartar-los?
g-discard = Descarta els canvis
g-keep = Continua editant
g-export-reprint = Exporta el PDF d'aquesta ordre…

## Línia d'ordres

calc-default-cycle = Nota: no s'ha indicat --cycle: se suposa el cicle 1 (un full de prescripció requereix --cycle).
calc-default-day1 = Nota: no s'ha indicat --day1: no hi ha dates de calendari (un full de prescripció requereix --day1).
cli-error = { $program }: error: { $message }
cli-field-error = { $error } ({ $option })
cli-missing-value = l'opció { $option } necessita un valor (vegeu --help)
cli-bad-paper = --paper "{ $value }": s'admet a4 o letter
cli-bad-lang = --lang "{ $value }": s'admet en, es o ca
cli-bad-decimal-mark = --decimal-mark "{ $value }": s'admet point o comma
cli-not-utf8 = { $option } "{ $value }": no és text UTF-8 vàlid (els bytes que es mostren com a U+FFFD no s'han pogut llegir); torneu-lo a escriure en un terminal UTF-8
cli-empty-value = { $label }{ $option } té un valor buit; indiqueu un valor o ometeu l'opció (un valor buit mai no es pren com el valor predeterminat)
cli-empty-value-label = { $label }:{" "}
cli-order-requires = un full de prescripció necessita { $option }: en una ordre mai no s'assumeix un valor predeterminat (calc el pot ometre)
cli-bad-reason = --reason "{ $value }": escriviu CODE=TEXT, el codi de l'avís i per què es confirma (codis: vegeu `nkact-dose calc`)
cli-out-or-print = order necessita --out FILE.pdf, --print o totes dues
cli-out-not-pdf = --out "{ $value }": el full és un PDF; el nom del fitxer ha d'acabar en .pdf (mai no se sobreescriu un registre ni cap altre fitxer)
cli-out-is-register = --out "{ $value }" és el mateix registre d'ordres; trieu un altre fitxer
cli-bad-printer = --printer "{ $value }": el nom d'una impressora no porta espais, caràcters de control, / ni #
cli-reason-for-no-warning = --reason indicat per a "{ $value }", que no és un avís d'aquesta ordre (comproveu el codi amb `nkact-dose calc`)
cli-needs-reason = aquest avís necessita un motiu: --reason { $code }="per què és correcte continuar"
cli-repeated-reason = --reason per a "{ $value }" indicat més d'una vegada
cli-window-failed = no s'ha pogut obrir la finestra ({ $detail }); la línia d'ordres continua funcionant: vegeu --help
cli-protocol-failed = { $program }: ha fallat una comprovació del protocol: vegeu la línia de cèl·lules NK
cli-unacknowledged-hint = llegiu els avisos i després afegiu --acknowledged-by NAME per registrar que NAME els ha confirmat, i --reason CODE=TEXT per a cadascun que necessiti un motiu

## Etiquetes: l'informe (l-*), el full de prescripció (s-*) i la finestra (g-*)

l-bsa = Superfície corporal
l-dose = Dosi
l-working = Càlcul
l-route-days = Via, dia
l-draw = Volum a extreure
l-diluent = Bossa
l-nk = Cèl·lules NK
l-schedule = Calendari
l-warnings = Avisos
l-weight-change = Canvi de pes
l-cycle = Cicle
l-not-in-cycle = no formen part d'aquest cicle
l-too-small = VOLUM NO MESURABLE
l-none = cap
l-timing = Moment d'administració
l-needs-reason = (requereix un motiu)
s-title = Full de prescripció i ordre de preparació
s-order = Ordre
s-patient = Pacient
s-record = NHC
s-dob = Data de naixement
s-allergies = Al·lèrgies
s-order-date = Data de l'ordre
s-diagnosis = Diagnòstic
s-issued-by = Emesa per
s-basis = Base del càlcul de les dosis
s-height = Talla
s-weight = Pes
s-previous-weight = Pes usat en les dosis anteriors
s-schedule = Calendari, en ordre d'administració
s-doses = Dosis, en ordre d'administració
s-phase = Fase
s-warnings = Avisos confirmats
s-signatures = Signatures
s-prescriber = Prescripció mèdica
s-pharmacist = Validació farmacèutica
s-double-check = Doble verificació independent
s-sig-name = Nom:
s-sig-signature = Signatura:
s-sig-date = Data i hora:
s-double-check-scope = Es comproven el fàrmac, la dosi, el càlcul i les seves variables, el volum, la via, la velocitat, el cicle i el dia.
s-revision = Revisió
s-last-trastuzumab = Última dosi de trastuzumab
s-last-pertuzumab = Última dosi de pertuzumab
g-new = Ordre nova
g-open = Obre…
g-save = Desa…
g-dark = Tema fosc
g-measures = Mesures
g-nk-product = Producte de cèl·lules NK
g-issued-by = El vostre nom (emesa per)
g-optional = opcional
g-required = Obligatori
g-cycle-hint = obligatori: 1, 2, 3…
g-path-hint = camí complet del fitxer
g-date-hint = AAAA-MM-DD
g-nk-hint = cèl·lules; buit = pendent
g-allergies-hint = escriviu "cap de coneguda" si no n'hi ha
g-site-settings = Configuració del centre
g-rounding = Increment d'arrodoniment (mg)
g-il2-dilution = Dilució d'IL-2 (milions d'unitats/mL)
g-apply-settings = Aplica la configuració
g-settings-invalid = Configuració no aplicada: feu servir nombres positius senzills, com 1 o 0,5.
g-paper = Paper
g-no-doses-yet = Encara no hi ha dosis. Introduïu el pacient, el pes, la talla i el cicle: aquí apareixeran les dosis de l'esquema NK-ACT-BC amb el seu càlcul.
g-nothing-to-export = Encara no hi ha res per exportar ni imprimir.
g-no-printers = No s'ha trobat cap impressora: exporteu el PDF o demaneu que s'afegeixi una impressora.
g-no-doses = Sense dosis: corregiu els camps marcats en vermell. No es calcula res a partir de dades incompletes o no vàlides.
g-double-check = Doble verificació
g-export = Exporta el PDF…
g-replace = Substitueix
g-ack-needs-name = Escriviu el vostre nom (emesa per) per confirmar els avisos.
g-double-check-title = Doble verificació independent
g-double-check-intro = Segon professional: torneu a introduir les mesures des del seu origen, sense mirar les primeres entrades, i escriviu la dosi impresa a l'etiqueta de cada bossa o xeringa preparada.
g-verifier = Nom de qui verifica
g-patient-on-labels = Pacient: comproveu aquestes dades a l'etiqueta de cada bossa o xeringa
g-confirm-identity = He confirmat el nom, l'NHC i la data de naixement a l'etiqueta de cada bossa o xeringa
g-re-last-t = Data de l'última dosi de trastuzumab (reintroduïda)
g-re-last-p = Data de l'última dosi de pertuzumab (reintroduïda)
g-not-verified = SENSE VERIFICAR: no consta cap doble verificació independent d'aquesta ordre
g-provisional = PROVISIONAL: encara s'està escrivint una mesura. Acabeu el camp (Tab o Retorn) abans de refiar-vos d'aquestes dosis.
g-reason = Motiu
g-reason-hint = per què és correcte continuar
g-re-weight = Pes reintroduït (kg)
g-re-height = Talla reintroduïda (cm)
g-re-nk = Cèl·lules NK reintroduïdes
g-re-lvef = FEVE més recent (%), segons l'informe
g-re-lvef-baseline = FEVE basal (%), segons l'informe
g-bag-labels = Dosis a les etiquetes de les bosses i xeringues
g-compare = Compara
g-cancel = Cancel·la
g-order-files = Ordre de nkact-dose
g-typed-path-title = Camí del fitxer
g-path = Camí
g-save-to-path = Desa l'ordre al camí
g-open-path = Obre l'ordre des del camí
g-export-to-path = Exporta el PDF al camí
g-type-a-path = Primer escriviu el camí d'un fitxer.
g-no-chooser = No s'ha triat cap fitxer. Si en aquest lloc de treball no ha aparegut el selector de fitxers, escriviu un camí a sota.
g-print = Imprimeix…
g-printer = Impressora
g-refresh-printers = Actualitza les impressores
g-default-printer = (impressora predeterminada)
g-register = Registre
g-register-title = Registre d'ordres
g-register-at = Fitxer del registre
g-register-filter-id = Filtre: NHC
g-register-filter-date = Filtre: data
g-register-bad-date = Data del filtre: escriviu AAAA-MM-DD o deixeu-la buida.
g-register-empty = Sense entrades.
g-filter = Filtra
g-close = Tanca
g-reopen = Torna a obrir
g-reprint = Reimprimeix
g-pdf-files = PDF

## Model de presentació

headline = { $title } ({ $protocol }) · Cicle { $cycle }
route-and-days = { $route } · { $days }
draw-with-vials = { $working } (vials: { $vials })

# How a large number of units is written. "grouped": 910 000 units (0.91 million
# units); "millions": 0,91 millones de unidades, for documents where digits are
# never grouped (spanish-practice.md: the RAE's space grouping is not for documents
# where the safety of a figure is at stake). Not shown: a choice for the program.
large-units-style = millions
rate-million-units-per-m2 = { $millions } { $m ->
    [one] milió
   *[other] milions
} d'unitats/m²
g-unit-million-units = milions d'unitats
field-lab = Resultat de laboratori
    .gender = masculine
field-uln = Límit superior de la normalitat
    .gender = masculine
field-lvef = FEVE (%)
    .gender = feminine
field-lvef-date = Data de la FEVE
    .gender = feminine
field-lvef-baseline = FEVE basal (%)
    .gender = feminine
field-sex = Sexe
    .gender = masculine
field-previous-infusion-tolerated = Bona tolerància a la perfusió anterior
    .gender = feminine
field-cyclophosphamide-date = Data de la ciclofosfamida
    .gender = feminine
field-nk-product-id = Codi del producte o del donant NK
    .gender = masculine
field-nk-bag-id = Codi de la bossa NK
    .gender = masculine
field-nk-released-at = Hora d'alliberament o descongelació NK
    .gender = feminine
field-override = Justificació del prescriptor (criteri no complert)
    .gender = feminine
event-withheld = { $drug }: NO S'ADMINISTRA
warn-lvef-missing = No hi ha FEVE registrada per a aquest cicle d'anticossos (cicle { $cycle }): no s'ha fet la comprovació cardíaca; registreu l'última FEVE i la seva data, o indiqueu un motiu per continuar
warn-lvef-old = L'última FEVE ({ $date }) és de { $days } dies abans del dia 1 ({ $day1 }); el centre admet { $max } dies abans d'una dosi d'anticòs: repetiu-la o indiqueu un motiu per continuar
warn-lvef-baseline-missing = FEVE { $latest } inferior al { $below } sense FEVE basal registrada, de manera que no es pot valorar el descens: registreu la basal o indiqueu un motiu per continuar
accepted-lab = CODI=VALOR UNITAT@AAAA-MM-DD, per exemple anc=1,8 x10^9/L@2026-11-25 o creatinine=85 umol/L@2026-11-25; codis: { $codes }; unitats: x10^9/L o cèl·lules/µL, g/dL o g/L, mg/dL o µmol/L, U/L; l'INR sense unitat
accepted-uln = CODI=VALOR UNITAT, per exemple bilirubin=1,2 mg/dL o ast=40 U/L; codis: { $codes }
accepted-lvef = un percentatge de { $min } a { $max }, per exemple 58
accepted-sex = dona o home (female o male)
accepted-yes-no = sí o no
accepted-cyclophosphamide-date = una data del dia -5 al dia -3 d'aquest cicle, escrita AAAA-MM-DD
accepted-product-id = el codi de l'etiqueta: lletres majúscules A-Z, xifres, espais, - / i ., fins a { $max } caràcters
accepted-date-time = una data i hora escrites AAAA-MM-DD HH:MM, per exemple 2026-12-02 09:30
accepted-override = CODI=MOTIU: el codi d'un criteri no complert o sense dada i per què es tracta igualment
error-unknown-unit = { $label }: "{ $value }": falta la unitat o no és una en què s'informi aquesta prova.
error-ambiguous-unit = { $label }: "{ $value }": la unitat es pot llegir de dues maneres, així que no se suposa.
error-not-a-lab-entry = { $label }: "{ $value }" no està escrit com a codi de la prova, =, valor amb la seva unitat, @ i data.
error-unknown-test = { $label }: "{ $value }" anomena una prova que els criteris no fan servir.
error-repeated = { $label }: "{ $value }" està introduït dues vegades.
error-not-one-of = { $label }: "{ $value }" no és una de les respostes admeses.
error-outside-window = { $label }: "{ $value }" no és un dia entre el dia -5 i el dia -3 d'aquest cicle (o falta el dia 1).
error-not-a-date-time = { $label }: "{ $value }" no és una data i hora.
error-nothing-to-override = { $label }: "{ $value }" no anomena cap criteri no complert o sense dada.
error-implausible = { $label }: "{ $value }" equival a { $canonical }, fora del que pot valer aquesta prova ({ $low } a { $high }): { $hint }.
error-implausible-uln = { $label }: "{ $value }" equival a { $canonical }, que no és un límit superior de la normalitat possible per a aquesta prova ({ $low } a { $high }): { $hint }.
hint-counts-per-microlitre = cèl·lules/µL i × 10⁹/L difereixen 1000 vegades, reviseu la unitat
hint-grams-per-decilitre-or-litre = g/dL i g/L difereixen 10 vegades, reviseu la unitat
hint-micromoles-or-milligrams = µmol/L i mg/dL difereixen 17 vegades en la bilirubina i 88 en la creatinina, reviseu la unitat
hint-value = reviseu el valor escrit
error-thousands-separator = { $label }: "{ $value }": un punt o una coma seguits de tres xifres en un recompte per µL pot separar milers (1.500 = 1500) o marcar decimals (1,5); escriviu el recompte sense, com 1500, o en × 10⁹/L.
error-in-future = { $label }: "{ $value }" té una data posterior a avui; un resultat no pot tenir data futura.
crit-sex = Sexe
crit-sex-female = dona
crit-sex-male = home
crit-limit-sex = dona (registre de l'assaig: sexe elegible)
measure-pct = { $n } %
fill-in = Sense configurar pel centre: Farmàcia ho escriu a mà ________________
per-site-protocol = segons el protocol del centre
crit-anc = Neutròfils (RAN)
crit-lymphocytes = Limfòcits
crit-platelets = Plaquetes
crit-hb = Hemoglobina
crit-bilirubin = Bilirubina total
crit-ast = AST (GOT)
crit-alt = ALT (GPT)
crit-creatinine = Creatinina
crit-inr = INR
crit-albumin = Albúmina
crit-lvef = FEVE
crit-age = Edat
crit-lab-dates = Data de l'analítica
crit-state-met = compleix
crit-state-not-met = NO COMPLEIX
crit-state-not-entered = SENSE DADA
crit-no-value = —
crit-age-years = { $n } anys
crit-limit-uln = { $sign } { $limit } ({ $k } × LSN; LSN { $uln })
crit-limit-uln-missing = { $sign } { $k } × LSN (LSN no introduït)
crit-limit-lab-dates = { $days ->
    [one] el dia anterior a la ciclofosfamida
   *[other] en els { $days } dies anteriors a la ciclofosfamida
}
crit-limit-creatinine = { $limit }, o aclariment de creatinina ≥ { $clearance } mL/min
crit-note-too-old = extreta { $days } dies abans de la ciclofosfamida; màxim { $max }
crit-note-after-treatment = extreta després de la ciclofosfamida
crit-note-no-uln = introduïu el límit superior de la normalitat del centre
crit-note-gilbert = síndrome de Gilbert: 3 × LSN
crit-note-liver-metastases = metàstasis hepàtiques: 5 × LSN
crit-note-clearance = aclariment de creatinina (Cockcroft-Gault) { $clearance } mL/min, amb el pes real { $weight }
crit-note-clearance-needs = superior a 1,5 × LSN o sense LSN: l'aclariment necessita la data de naixement i el sexe
crit-note-no-treatment-date = sense dia 1: no es pot comprovar la regla dels 7 dies
crit-basis-chosen = Analítica valorada respecte a la data de la ciclofosfamida: { $date }.
crit-basis-window = Data de la ciclofosfamida no triada: l'analítica ha de ser recent per a qualsevol dia del { $first } al { $last }.
crit-basis-none = Sense dia 1: no es poden valorar les dates de l'analítica.
cardiac-rule = no administrar si baixa { $fall } punts o més respecte a la basal i queda per sota del { $below }
cardiac-not-entered = FEVE no introduïda: control cardíac no fet ({ $rule })
cardiac-no-baseline = última { $latest } el { $date }; sense FEVE basal registrada no es pot valorar el descens: decideix el prescriptor ({ $rule })
cardiac-given = basal { $baseline }, última { $latest } el { $date } (canvi de { $fall } punts): s'administren els anticossos ({ $rule })
cardiac-withhold = basal { $baseline }, última { $latest } el { $date } (descens de { $fall } punts): NO ADMINISTRAR trastuzumab ni pertuzumab ({ $rule })
withheld-plain = suspès en aquest cicle
withheld-reason = FEVE { $latest } el { $date }, { $fall } punts per sota de la basal ({ $baseline }): suspès (regla: descens de { $points } punts o més i per sota del { $below })
withheld-large = NO ADMINISTRAR en aquest cicle
withheld-next = repetir la FEVE d'aquí a unes 3 setmanes; si no millora o continua baixant, valorar la suspensió definitiva
infusion-over-range = de { $min } a { $max } min
infusion-basis-loading = dosi de càrrega
infusion-basis-maintenance = dosi de manteniment
infusion-basis-tolerated = bona tolerància a la perfusió anterior
infusion-basis-not-tolerated = mala tolerància a la perfusió anterior: com la dosi de càrrega
infusion-basis-not-recorded = tolerància a la perfusió anterior no registrada: com la dosi de càrrega
infusion-rate = { $rate } mL/h (volum de la bossa { $volume } en { $minutes } min; sense sumar el volum del fàrmac)
infusion-rate-range = de { $fast } a { $slow } mL/h (volum de la bossa { $volume } en { $min } a { $max } min; sense sumar el volum del fàrmac)
infusion-rate-no-bag = velocitat: volum de la bossa no configurat
infusion-line = { $time } ({ $basis }) · { $rate }
observe-before-next = de { $min } a { $max } min després d'acabar cada perfusió de pertuzumab, abans d'iniciar el trastuzumab si s'administra després
observe-from-start = com a mínim { $hours } h des de l'inici de la primera perfusió
observe-minutes = { $minutes } min després de la perfusió (configuració del centre)
observe-per-site = després de les perfusions següents: { $site }
l-sequence = Seqüència del dia 1
sequence-day1 = pertuzumab i trastuzumab en bosses separades, l'un després de l'altre i en qualsevol ordre; si el pertuzumab va primer, observar abans d'iniciar el trastuzumab
l-premedication = Premedicació
l-antiemetic = Profilaxi antiemètica
l-hydration = Hidratació
l-cardiac = Funció cardíaca (FEVE)
l-administration = Administració
crit-overridden = es tracta per decisió de { $by } el { $at } (desviació del protocol): { $reason }
crit-summary-all-met = Es compleixen tots els criteris.
crit-summary-overridden = { $count ->
    [one] Tots els criteris es compleixen o tenen excepció (1 excepció, signada a sota).
   *[other] Tots els criteris es compleixen o tenen excepció ({ $count } excepcions, signades a sota).
}
crit-summary-open = { $count ->
    [one] 1 criteri no complert o sense dada: no hi ha full de prescripció sense l'excepció motivada del prescriptor.
   *[other] { $count } criteris no complerts o sense dada: no hi ha full de prescripció sense l'excepció motivada del prescriptor.
}
l-criteria = Criteris per tractar (cicle 1)
crit-h-criterion = Criteri
crit-h-value = Valor
crit-h-limit = Requisit
crit-h-date = Data
crit-h-state = Resultat
l-withheld = No s'administra
l-next-step = Pas següent
chosen-day = dosi única el { $day }
l-chosen-day = Dia triat
chosen-day-fill = NO TRIAT: farmàcia escriu la data (dia -5 a dia -3) ________
l-infusion = Perfusió
l-observation = Observació
l-nk-product-id = Codi del producte o del donant
l-nk-bag-id = Codi de la bossa
l-nk-released = Alliberament o descongelació
nk-infuse-by = abans de les { $time } ({ $hours } h després de l'alliberament)
nk-infuse-within = en les { $hours } h següents a l'alliberament: { $fill }
l-nk-infuse-by = Infondre abans de
l-nk-route-set = Via i equip
s-identity-check = Verificació d'identitat al costat del llit amb l'etiqueta de la bossa: pacient { $name } · NHC { $record } · producte { $product } · bossa { $bag }   ☐ verificat per ________________ i ________________
cli-site-settings-not-file = no és un fitxer normal de 256 kB com a màxim
cli-site-settings-unreadable = --site-settings "{ $path }" no es pot llegir: { $detail }
cli-site-settings-invalid = --site-settings "{ $path }" no es pot fer servir: { $detail }
cli-repeated-override = --override per a "{ $value }" indicat més d'una vegada
cli-bad-override = --override "{ $value }": escriviu CODI=MOTIU, el codi del criteri i per què es tracta igualment
cli-override-needs-issuer = --override es registra com del prescriptor: afegiu --issued-by NOM
cli-criteria-hint = introduïu els resultats que falten (--lab, --uln, --lvef, --dob, --sex) o, com a prescriptor, --override CODI="motiu" per a cadascun, amb --issued-by NOM
refuse-criteria-open = { $count ->
    [one] No es genera el full de prescripció: 1 criteri per tractar no es compleix o no té dada, i no té excepció.
   *[other] No es genera el full de prescripció: { $count } criteris per tractar no es compleixen o no tenen dada, i no tenen excepció.
}
bag-diluent-fill = { $diluent }, volum de la bossa { $fill }

fill-in-entry = NO CONSTA: copiar de l'etiqueta de la bossa ________________
g-not-answered = — sense resposta —
g-yes = sí
g-no = no
g-date-time-hint = AAAA-MM-DD HH:MM
g-cyclo-bag = Bossa de ciclofosfamida (mL)
g-cyclo-minutes = Perfusió de ciclofosfamida (min)
g-trastuzumab-observation = Observació després del trastuzumab següent (min)
g-lvef-max-age = FEVE més antiga admesa (dies)
g-days = dies
g-nk-max-hours = Cèl·lules NK: infusió com a molt tard després de l'alliberament (h)
g-heart = Funció cardíaca (FEVE)
g-labs-hint = Valor amb la seva unitat tal com l'informa el laboratori (1,8 x10^9/L, 85 µmol/L) i data d'extracció.
g-criteria-enter-first = Introduïu els criteris per tractar al formulari (analítica, FEVE, sexe): després, cadascun que no es compleixi o no tingui dada necessitarà aquí una justificació abans que el full pugui sortir.
g-uln-of = Límit superior de la normalitat de { $test }
g-lab-missing-value = { $test }: hi ha la data però no el valor; escriviu el valor amb la unitat.
g-lab-missing-date = { $test }: hi ha el valor però no la data d'extracció.
g-accepted-lab = a la seva fila, el valor amb la unitat (com 1,8 × 10⁹/L, 1500 cèl·lules/µL, 85 µmol/L; l'INR sense unitat) i la data d'extracció, AAAA-MM-DD
g-accepted-uln = el límit superior de la normalitat del centre amb la unitat, com 1,2 mg/dL o 40 U/L
g-value-unit = Valor i unitat
g-female = dona
g-male = home
g-liver-metastases = Metàstasis hepàtiques documentades (AST/ALT fins a 5 × LSN)
g-gilbert = Síndrome de Gilbert coneguda (bilirubina fins a 3 × LSN)
g-override-needs = L'excepció és del prescriptor: escriviu primer qui emet l'ordre i un motiu.
g-override-hint = per què es tracta igualment
g-override = Justificar
infusion-basis-site = configuració del centre
register-connection = No es pot accedir al registre d'ordres a { $path } o no ha respost a temps ({ $detail }): no s'hi ha anotat res. Comproveu la xarxa i el servidor i torneu-ho a provar.
register-login = El registre d'ordres a { $path } ha rebutjat l'accés ({ $detail }): comproveu l'usuari i la contrasenya de l'adreça del registre.
register-network-fs = El registre d'ordres { $path } és en un sistema de fitxers de xarxa ({ $fs }), on el bloqueig de SQLite no és fiable: feu servir un fitxer local o el registre compartit PostgreSQL de la farmàcia (postgres://…).
register-not-signed-in = Aquest registre l'ha de signar { $name }, que no ha iniciat la sessió amb la seva clau en aquest lloc: no s'ha anotat res al registre d'ordres a { $path }. Inicieu la sessió i torneu-ho a provar.
register-insecure = No s'ha contactat amb el registre d'ordres a { $path }: { $detail }. No s'ha enviat res (ni contrasenya ni dades de pacients).
field-subject = Número de subjecte de l'assaig
    .gender = masculine
override-refused = { $why }: la justificació la dona un prescriptor o l'investigador principal; ha d'iniciar sessió, escriure-la i prémer Justificar.
cohort-lead-in = fase de seguretat inicial
cohort-expansion = expansió
next-start-none = Pacient següent ({ $cohort }): no hi ha pacient anterior en aquest registre: pot començar ara.
next-start-expansion-recorded = El pacient següent ({ $cohort }) pot començar a partir del { $earliest }: { $hours } h després de l'última IL-2 de { $subject }, administrada el { $il2 } (registrada).
next-start-expansion-planned = El pacient següent ({ $cohort }) pot començar a partir del { $earliest }: { $hours } h després del final del dia 6 previst de { $subject } ({ $il2 }); encara no consta l'hora d'administració.
next-start-lead-in = El pacient següent ({ $cohort }) pot començar a partir del { $earliest }: després de la finestra de toxicitat de { $days } dies de { $subject } ({ $previous }) des del dia 1 ({ $day1 }); si un dels dos és a la fase de seguretat inicial s'aplica aquesta finestra, no les 48 h.
cohort-not-recorded = cohort no registrada
step-issued = Emesa
step-validated = Validació farmacèutica
step-prepared = Preparada (bosses reintroduïdes)
step-double-checked = Doble verificació independent
step-administered = Administrada
step-acknowledged = Avís confirmat
step-override = Excepció
step-failed-login = Identificació fallida
role-administrator = administrador
role-investigator = investigador principal
role-prescriber = prescriptor
role-pharmacist = farmacèutic
role-technician = tècnic
role-nurse = infermeria
signed-line = { $step }: { $name } ({ $role }), { $at }
signed-line-failed = { $step }: NO CONFORME, { $name } ({ $role }), { $at }
stagger-overridden = comença abans de l'inici permès més d'hora ({ $earliest }, després de { $subject }): EXCEPCIÓ de { $by } el { $at }: { $reason }
s-subject = Subjecte de l'assaig
s-cohort = Cohort
s-stagger = Regla d'esglaonament
s-signed-in-register = Signat al registre
cli-secret-file-bad = el fitxer del secret ha de ser un fitxer normal de 4 kB com a màxim
cli-secret-missing = no hi ha secret: indiqueu --secret-file FITXER o definiu NKACT_DOSE_SECRET (mai no es pren d'un argument)
person-unknown = { $name } no és una persona activa d'aquest registre
person-wrong-secret = el nom o el secret de { $name } no coincideixen: es rebutja i l'intent queda registrat
person-wrong-role = { $name } ({ $role }) no pot signar aquest pas
person-same = { $name } ja va emetre o comprovar aquesta ordre: una verificació independent necessita una altra persona
person-exists = { $name } ja és una persona d'aquest registre
person-already-initialised = aquest registre ja té persones: register init s'executa un sol cop
person-no-people = aquest registre encara no té persones: executeu `nkact-dose register init --admin NOM --secret-file FITXER`
person-weak-secret = una clau necessita almenys { $min } caràcters, no només espais, i ha de ser difícil d'endevinar (ni paraules comunes, noms, dates o seqüències sols): per exemple quatre paraules sense relació, o una frase llarga
person-looks-like = { $name } es veu igual que { $other }, que ja és una persona d'aquest registre (lletres d'altres alfabets, accents o formes d'amplada completa): trieu un nom que es llegeixi diferent, per exemple amb el segon cognom
person-changed = Fet: { $name }
register-initialised = Registre iniciat: { $name } n'és l'administrador
register-no-people-note = nota: aquest registre no té persones: els noms s'escriuen, no se signen; executeu `nkact-dose register init` per signar cada pas
cli-bad-since = --since: escriviu una data AAAA-MM-DD
refuse-invalid-stored = l'ordre desada ja no es pot calcular: obriu-la a la finestra per veure per què
register-root-key = Empremta de la clau de signatura de { $name }: { $fingerprint }. Deseu-la fora del registre (en paper, a l'arxiu del servei de farmàcia): `register verify` indica la clau de la qual parteixen les signatures del registre.
chain-root = Les signatures parteixen de la clau del primer administrador del registre, empremta { $fingerprint }: compareu-la amb la que es va desar en iniciar el registre.
chain-unsigned = { $count } registres es van fer abans que existissin les signatures (sense signar).
chain-head = Cap de la cadena: registre { $seq }, { $hash }.
against-holds = { $file }: el registre conserva la cadena que va veure aquest fitxer, fins al registre { $seq }.
against-truncated = { $file }: el registre s'ha RETALLAT: acaba al registre { $ends }, però aquest fitxer va veure el registre { $seq }.
against-rewritten = { $file }: el registre s'ha REESCRIT: el registre { $seq } no és el que va veure aquest fitxer.
against-bad-signature = { $file }: aquest punt de control NO està signat per una clau que el registre hagi donat d'alta per a la persona que anomena.
against-not-anchor = { $file }: no és un punt de control ni un full d'aquest programa.
file-unreadable = No es pot llegir { $file }: { $detail }
checkpoint-written = Punt de control escrit a { $path }: registre { $seq }, cap { $head }, signat per { $name }. Deseu-lo fora del registre: `register verify --against` amb aquest fitxer mostra si des d'aleshores s'han tret o reescrit registres.
sheet-status-current = VIGENT: aquest full és l'ordre { $order } revisió { $revision }, anotada com a registre { $seq }, i aquesta revisió és la darrera de l'ordre.
sheet-status-superseded = SUBSTITUÏT: l'ordre { $order } revisió { $revision } (registre { $seq }) va ser substituïda per la revisió { $by }. No feu servir aquest full.
sheet-status-reprint = REIMPRESSIÓ: ordre { $order } revisió { $revision }, anotada com a reimpressió al registre { $seq }; la revisió és la darrera de l'ordre.
sheet-status-never = MAI ANOTAT: el registre no té constància d'aquest full (ordre { $order } revisió { $revision }). No el feu servir fins que el servei de farmàcia confirmi l'ordre.
sheet-status-changed = EL REGISTRE HA CANVIAT DESPRÉS D'IMPRIMIR: { $list } ja no coincideixen amb el que va veure aquest full o no superen la comprovació. No us refieu d'aquest full; aviseu el servei de farmàcia.
sheet-status-other = NO ÉS UN FULL D'AQUEST REGISTRE: l'ordre { $order } es va anotar en un altre registre, o aquest registre va ser substituït.
scan-not-a-sheet = { $file } no és un full escrit per aquest programa (un PDF), ni una imatge PNG o JPEG d'un.
scan-no-code = No s'ha pogut llegir el codi del segell a { $file }: torneu a escanejar la pàgina, plana, a 300 ppp o més, amb el codi del peu de pàgina a la vista.
scan-too-large = { $file } és massa gran per llegir-lo (més de 64 MB o de 80 milions de píxels).
reprint-refused-broken = L'entrada { $id } ja no coincideix amb la seva baula a la cadena del registre (s'ha canviat fora del programa): no es torna a imprimir. Executeu `register verify` i aviseu el servei de farmàcia.
reprint-sign-in = Aquest registre coneix persones: una reimpressió la signa qui la fa (--as NOM --secret-file FITXER).
entry-broken-mark = !! NO SUPERA LA COMPROVACIÓ DE LA CADENA: canviada fora del programa
chain-intact = Cadena del registre íntegra: { $count } registres comprovats.
chain-broken = Cadena del registre TRENCADA al registre { $seq } ({ $table }): es va canviar o eliminar fora del programa ({ $count } registres comprovats).
cli-bad-cohort = --cohort: escriviu lead-in o expansion
cli-bad-step = --step: escriviu validated, prepared, double-checked o administered
cli-bad-administered = administered: indiqueu --drug, --day i --at “AAAA-MM-DD HH:MM”
field-administered-at = Hora d'administració
    .gender = feminine
error-nonexistent-local-time = { $label }: "{ $value }" no existeix aquí: els rellotges se salten aquesta hora en passar a l'horari d'estiu. Escriviu l'hora que marcava el rellotge.
error-ambiguous-local-time = { $label }: "{ $value }" va passar dues vegades aquí: els rellotges repeteixen aquesta hora en passar a l'horari d'hivern, i no se sap quina va ser. Registreu-la de nou després de les 03:00 o pregunteu a la planta el moment exacte.
admin-unknown-drug = { $drug } no és un producte d'aquest règim: indiqueu interleukin-2, cyclophosphamide, trastuzumab, pertuzumab o nk-cells.
admin-not-a-planned-day = { $drug } no s'administra el dia { $day } d'aquesta ordre: no s'ha signat res.
admin-outside-planned-day = { $drug } del dia { $day } estava previst el { $planned }: no es pot registrar per a aquest dia una hora a més de { $tolerance ->
        [one] 1 dia
       *[other] { $tolerance } dies
    } d'aquesta data. No s'ha signat res.
admin-in-future = { $drug }: l'hora indicada és posterior a ara; registreu l'administració quan hagi passat. No s'ha signat res.
cli-no-such-entry = El registre no té l'entrada { $id }: indiqueu el número d'entrada de `register list` o un identificador d'ordre.
cli-sign-no-such-order = El registre no té cap full de l'ordre { $order }, revisió { $revision }: comproveu l'identificador de l'ordre i --revision. No s'ha signat res.
signed = Signat: { $step } de { $order } per { $name }
cli-bad-role = --role: administrator, investigator, prescriber, pharmacist, technician o nurse
cli-sign-with-as = aquest registre coneix les persones: signeu l'ordre amb --as NOM i el vostre secret (--secret-file FITXER o NKACT_DOSE_SECRET)
cli-not-the-signer = { $option } anomena una altra persona que --as: qui signa emet i confirma
cli-trial-required = una ordre del cicle 1 en aquest registre indica el subjecte i la cohort de l'assaig: afegiu --subject ID --cohort lead-in|expansion
cli-stagger-refused = aquest pacient començaria el { $start }, abans del que permet l'assaig. { $rule } Un investigador principal pot registrar --stagger-override “motiu”.
refuse-sign-in = No es genera el full de prescripció: aquest registre coneix les persones; identifiqueu-vos primer amb el vostre nom i secret.
refuse-too-early = No es genera el full de prescripció: aquest pacient començaria el { $start }, abans del que permet l'assaig ({ $earliest }). Un investigador principal pot continuar escrivint el motiu al costat d'aquest missatge; queda signat i imprès al full.
g-signed-in-as = Identificat: { $name } ({ $role })
g-sign-out = Tanca la sessió
g-sign-in-title = Identifiqueu-vos per emetre:
g-sign-in-name = nom
g-sign-in-secret = contrasenya o PIN
g-sign-in = Identifica't
g-newer = Més recents
g-older = Més antigues
g-page = Pàgina { $page }
g-verifier-secret = Contrasenya o PIN de qui verifica
fill-in-datetime = dia ____/____/______ a les ____:____ h (Farmàcia, segons l'etiqueta del producte)
admin-none = Aquesta ordre no administra res: no escau premedicació, profilaxi antiemètica ni hidratació
g-trial-required = Una ordre del cicle 1 en aquest registre indica el número de subjecte de l'assaig i la cohort: responeu tots dos al formulari.
g-stagger-override = Començar abans (investigador principal), motiu:
person-line = { $name } · { $role }{ $state ->
    [disabled] {" "}(desactivada)
   *[active] {""}
}
refuse-stagger-unchecked = No es genera el full de prescripció: no es pot comprovar la regla d'esglaonament de l'assaig. { $why }
## Rebutjos del flux d'emissió (issue 19), per a les dues cares.
refuse-person = No es genera el full de prescripció: { $why }.
refuse-override-unsigned = No es genera el full de prescripció: l'excepció de { $code } consta a nom de { $name }, que no s'ha identificat per signar-la.
refuse-trial-required = No es genera el full de prescripció: una ordre del cicle 1 en aquest registre indica el número de subjecte de l'assaig i la cohort.
refuse-subject-clash = No es genera el full de prescripció: el subjecte { $subject } consta amb el número d'història { $held }, no { $record }. Comproveu el número de subjecte i la pacient.
refuse-record-clash = No es genera el full de prescripció: el número d'història { $record } consta com a subjecte { $held }, no { $subject }. Comproveu el número de subjecte i la pacient.
refuse-stale-stagger = No es genera el full de prescripció: l'excepció a la regla d'esglaonament es va donar davant del subjecte { $given }; la pacient anterior és ara el subjecte { $now }. Cal donar-la de nou.
refuse-register-needed = No es genera el full de prescripció: signar requereix el registre d'ordres i no se'n pot fer servir cap.
refuse-register = No es genera el full de prescripció i no s'anota res: { $error }
not-recorded-removed = S'ha eliminat el full { $path }: el registre no l'ha pogut anotar.
not-recorded-printed = El full s'ha imprès però NO consta al registre: retireu-lo i imprimiu-lo de nou quan es pugui accedir al registre.
g-register-checking = consultant el registre d'ordres…
g-register-unencrypted = S'accedeix al registre d'ordres per un enllaç de xarxa SENSE XIFRAR (sslmode=disable): les dades de pacients travessen la xarxa en clar. Demaneu a Informàtica TLS (verify-full).
g-col-revision = Revisió
g-revision = rev. { $n }
g-revision-superseded = rev. { $n } — substituïda
cli-sign-superseded = la revisió { $revision } de l'ordre { $order } va ser substituïda per la revisió { $latest }: signeu la revisió vigent (--revision { $latest })
person-locked = l'accés de { $name } queda bloquejat després de { $max } secrets erronis seguits: l'ha de desbloquejar un administrador (register people unlock NOM)
person-last-admin = no es pot donar de baixa { $name }: no quedaria cap administrador actiu; afegiu-ne abans un altre
cli-new-secret-file = el nou secret es llegeix del seu propi fitxer: afegiu --secret-file FITXER (mai de NKACT_DOSE_SECRET, que és el de qui signa)
cli-new-secret-prompt = Nova clau per a { $name } (no es mostra): 
cli-new-secret-again = La mateixa clau una altra vegada: 
cli-new-secret-differ = les dues claus escrites no coincideixen: no s'ha canviat res
chain-broken-more = { $n ->
    [one] Un altre registre no coincideix: { $list }
   *[other] Uns altres { $n } registres no coincideixen (es llisten els 50 primers): { $list }
}
gs1-empty = el codi del vial és buit: torneu a escanejar el Data Matrix de l'envàs, o escriviu el lot i la caducitat
gs1-too-long = l'escaneig és més llarg que el codi de qualsevol envàs: escanegeu un codi cada vegada
gs1-not-gs1 = l'escaneig no comença com el codi GS1 d'un envàs (comença { $start }): reviseu la distribució de teclat del lector i torneu a escanejar
gs1-bad-character = el caràcter { $at } de l'escaneig ({ $found }) no pot ser en un codi GS1: segurament el va canviar la distribució de teclat del lector; configureu-la com el teclat en ús i torneu a escanejar
gs1-unknown-ai = el codi porta un camp que aquest programa no llegeix ({ $ai }): escriviu el lot i la caducitat a mà
gs1-truncated = el camp ({ $ai }) del codi és incomplet: torneu a escanejar
gs1-check-digit = el dígit de control del codi de producte és { $found } i hauria de ser { $expected }: l'escaneig s'ha llegit malament; torneu a escanejar
gs1-bad-expiry = la caducitat del codi ({ $found }) no és una data: torneu a escanejar, o escriviu el lot i la caducitat
gs1-too-long-field = el camp ({ $ai }) del codi és més llarg del que permet GS1: torneu a escanejar
gs1-repeated = el codi porta dues vegades el camp ({ $ai }): torneu a escanejar
gs1-lost-separator = falta el camp ({ $ai }) del codi i un altre camp sembla continuar-hi: el lector ha perdut un separador (GS). Configureu el lector perquè enviï GS, o escriviu el lot i la caducitat
gs1-missing = el codi no porta el camp ({ $ai }) (el d'un envàs porta producte, caducitat i lot): escriviu el lot i la caducitat a mà
gs1-expired = aquest lot va caducar el { $expiry }, abans de l'elaboració: feu servir un altre vial
gs1-bad-lot = el lot ha de tenir d'1 a 20 lletres, xifres o signes de GS1

## Issue 21: el producte després de l'emissió
step-labelled = Etiquetes impreses
step-received = Producte NK rebut
unit-bag = Bossa { $n } de { $of }
unit-syringe = Xeringa { $n } de { $of }
unit-window = un cop, entre { $first } i { $last }
storage-refrigerated = Conservar entre 2 i 8 °C (nevera)
storage-room = Conservar a temperatura ambient (no més de 30 °C)
bag-code-empty = el codi de la bossa és buit: escanegeu el codi de l'etiqueta de la bossa
bag-code-not = no és una etiqueta de bossa d'aquest programa: escanegeu el codi quadrat de l'etiqueta de farmàcia
bag-code-damaged = el codi de la bossa no passa el control (mal llegit o alterat): torneu-lo a escanejar; si torna a fallar, no administreu la bossa i truqueu a farmàcia
measure-unreadable = no s'entén el valor mesurat { $value }: escriviu-lo com «26,8 mL» o, si es pesa, «27,3 g»
measure-no-density = farmàcia no ha fixat la densitat de { $drug }: escriviu el volum mesurat en mL, no una massa
measure-no-target = aquesta preparació no té cap volum amb què comparar
receipt-order-names-none = l'ordre no indica el producte NK ni la bossa: el prescriptor ha d'emetre una revisió amb els identificadors abans de rebre el producte. No s'ha signat res.
receipt-other-product = el producte rebut és { $got } i el de l'ordre és { $want }: no l'accepteu; truqueu a la unitat de teràpia cel·lular. No s'ha signat res.
receipt-other-bag = la bossa rebuda és { $got } i la de l'ordre és { $want }: no l'accepteu; truqueu a la unitat de teràpia cel·lular. No s'ha signat res.
receipt-missing = l'estat a l'arribada ({ $field }) és buit: escriviu el que heu observat. No s'ha signat res.
receipt-future = l'hora d'alliberament o descongelació és posterior a ara. No s'ha signat res.
bedside-unknown-code = NO ADMINISTREU: el codi escanejat { $code } no és una etiqueta d'aquesta ordre ni la seva bossa de cèl·lules NK. Comproveu que teniu la bossa correcta.
bedside-damaged = NO ADMINISTREU: el codi de la bossa no passa el control (mal llegit o alterat). Torneu a escanejar; si torna a fallar, truqueu a farmàcia.
bedside-wrong-patient = NO ADMINISTREU: la polsera { $wristband } no és de la pacient d'aquesta ordre (història { $record }). Comproveu la identitat de la pacient.
bedside-another-patient = NO ADMINISTREU: aquesta bossa és d'una altra pacient (història { $bag }), no de la pacient amb la polsera { $wristband }.
bedside-another-order = NO ADMINISTREU: aquesta bossa és d'una altra ordre d'aquesta pacient ({ $order }). Feu servir la bossa d'aquesta ordre.
bedside-superseded = NO ADMINISTREU: aquesta bossa es va preparar per a la revisió { $revision } de l'ordre; la revisió { $latest } la va substituir. Truqueu a farmàcia.
bedside-withheld = NO ADMINISTREU: { $drug } està suspès a la revisió vigent d'aquesta ordre. Truqueu al prescriptor.
bedside-not-labelled = NO ADMINISTREU: el registre no té cap etiqueta impresa de la bossa { $bag } d'aquesta ordre. Truqueu a farmàcia.
bedside-already-given = NO ADMINISTREU: aquesta bossa ja es va administrar el { $at } ({ $by }).
bedside-not-received = NO ADMINISTREU: la recepció del producte NK no està signada al registre. Farmàcia o la unitat de teràpia cel·lular l'han de rebre abans.
bedside-past-beyond-use = Aquesta bossa va caducar el { $until } (data i hora límit d'ús).
bedside-past-infuse-by = Les cèl·lules NK s'havien d'infondre abans del { $by }.
bedside-infuse-by-unknown = No es coneix l'hora límit d'infusió del producte NK: farmàcia no n'ha fixat les hores després de l'alliberament o la descongelació.
bedside-il2-before-nk = La IL-2 del dia 2 s'administra després de les cèl·lules NK, i la seva infusió encara no està registrada.
bedside-il2-too-late = La IL-2 del dia 2 ha de seguir la infusió de NK (administrada el { $nk }) en un màxim de { $hours } hores.
bedside-override-needs = No s'ha administrat. Per administrar-la igualment, un prescriptor ho ha d'autoritzar amb un motiu.
ws-title = Full d'elaboració
ws-strip = { $name } · història { $record } · cicle { $cycle } · SC { $bsa } · pes { $weight }
ws-nothing = Aquesta ordre no té cap dosi per preparar.
ws-day = Dia
ws-route = Via
ws-stock = Concentració
ws-vials = Vials
ws-draw = Volum a carregar
ws-draw-diluted = { $volume } del producte diluït a { $concentration }
ws-diluent = Diluent i bossa
ws-syringe = xeringa, sense diluir
ws-final = Volum final
ws-final-syringe = { $volume } (xeringa)
ws-final-site = segons el manual del centre
ws-infusion = Infusió
ws-infusion-line = { $minutes } min a { $rate } mL/h
ws-infusion-minutes = { $minutes } min
ws-beyond = Caducitat
ws-beyond-hours = { $hours } h després de l'elaboració; { $storage } ({ $source })
ws-beyond-none = a completar per farmàcia (no s'ha pogut llegir cap font: és un paràmetre del centre); { $storage }
ws-lots = Vials utilitzats
ws-lot-blank = lot ______________   caducitat ____________
ws-lot-line = lot { $lot }, caducitat { $expiry } (GTIN { $gtin })
ws-measured = Mesurat
ws-measured-blank = ____________ mL o g (objectiu { $target }, tolerància ± { $tolerance } %)
ws-measured-line = { $value } = { $volume } davant { $target }: { $deviation } % { $verdict }
ws-within = dins de ± { $tolerance } %
ws-outside = FORA de ± { $tolerance } %: no dispensar; tornar a preparar
ws-preparer = Elaborat per
ws-checker = Comprovat per
ws-signature-blank = ______________________ el ____________
ws-signed = { $name }, { $at }
ws-footer = { $program } { $version } · full imprès el { $at } · contingut de l'ordre { $fingerprint }
lb-title = Etiquetes de bossa
lb-record = Història { $record }
lb-contents-bag = { $volume } de fàrmac en { $bag }; volum final { $final }
lb-contents-syringe = { $volume } a la xeringa
lb-infusion = Infondre en { $line }
lb-prepared = Elaborat el { $at }
lb-beyond = FER SERVIR ABANS DEL { $at }
lb-beyond-none = CADUCITAT: a completar per farmàcia ______________
lb-order = Ordre { $order } rev. { $revision } · { $unit }
cli-no-such-bag = aquesta ordre no té la bossa o xeringa { $bag } (en té { $count }): el número és el del full d'elaboració i l'etiqueta
measure-outside = el que s'ha mesurat ({ $value }) es desvia un { $deviation } % de l'objectiu { $target }, fora de ± { $tolerance } %: torneu-la a preparar, o registreu aquesta elaboració com a fallida (--failed). No s'ha signat res.
cli-product-sign-in = aquest registre coneix persones: indiqueu qui signa «{ $step }» amb --as NOM (i la clau a --secret-file o NKACT_DOSE_SECRET)
cli-product-needs-people = aquest pas el signa una persona: el registre ha de conèixer persones (register init)
labels-done = { $count } etiquetes de l'ordre { $order } rev. { $revision }.
labels-not-recorded = Aquest registre no coneix persones: les etiquetes no s'han registrat, i la comprovació a peu de llit les rebutjarà.
received-infuse-by = Producte NK { $product } rebut i signat. Infondre abans del { $by }.
received-infuse-by-unknown = Producte NK { $product } rebut i signat. No es coneix l'hora límit d'infusió: farmàcia no ha fixat les hores després de l'alliberament o la descongelació (la comprovació a peu de llit demanarà l'autorització d'un prescriptor).
cli-override-reason-empty = el motiu de l'autorització és buit: escriviu per què s'administra igualment
nk-cells-name = cèl·lules NK
administered-ok = Comprovat a peu de llit i signat: { $drug }, dia { $day }, per { $name }.
administered-overridden = Autoritzat pel prescriptor: { $what }
cli-trace-empty = el lot a rastrejar és buit
trace-lot-none = Cap bossa d'aquest registre no va rebre el lot { $lot }.
trace-lot-line = lot { $lot } · { $patient } (història { $record }) · ordre { $order } rev. { $revision } · bossa { $bag } ({ $drug }) · elaborada el { $prepared } per { $by } · administrada: { $given }
trace-not-given = encara no
trace-nk-none = Aquest registre no té cap recepció del producte NK { $product }.
trace-nk-head = Producte NK { $product }, bossa { $bag } · { $patient } (història { $record }) · ordre { $order }
trace-failed = fallit
overrides-none = No s'ha donat cap autorització en aquest registre.
paper-written = Escrit a { $path }
stability-smpc = fitxa tècnica de { $product }, §6.3
stability-site = validació asèptica del centre
labels-unrecorded = Les etiquetes no s'han registrat ({ $why }): destruïu-les; la comprovació a peu de llit rebutja una etiqueta que el registre no té.
g-labels-sign-in = Identifiqueu-vos primer: les etiquetes se signen com a impreses per la persona identificada.
g-adm-title = Administració: la comprovació a peu de llit
g-adm-help = Escanegeu la polsera de la pacient i després l'etiqueta de la bossa (o escriviu-les). El programa les comprova totes dues amb l'ordre abans de signar l'administració.
g-adm-open = Administració…
g-adm-order = ID de l'ordre
g-adm-wristband = Polsera (número d'història)
g-adm-bag = Codi de l'etiqueta de la bossa
g-adm-scan-hint = escanegeu aquí
g-adm-at = Administrada el
g-adm-at-hint = buit: ara (AAAA-MM-DD HH:MM)
g-adm-nurse = Infermera/er
g-adm-nurse-secret = Clau de la infermera/er
g-adm-override-title = Autorització d'un prescriptor (el motiu és obligatori)
g-adm-reason = Motiu
g-adm-prescriber = Prescriptor
g-adm-prescriber-secret = Clau del prescriptor
g-adm-submit = Comprovar i signar l'administració
g-adm-missing = { $field } és buit: escanegeu-lo o escriviu-lo
g-adm-override-incomplete = Una autorització necessita un motiu i el prescriptor que la dona.
g-labels = Etiquetes
g-worksheet = Full d'elaboració
g-administer = Administrar
lb-contents-bag-site = { $volume } de fàrmac; diluent, bossa i volum final segons el manual del centre: ______
ws-too-small = per sota del mínim mesurable ({ $min }): mesureu segons el procediment del centre per a volums petits i anoteu el que heu mesurat
step-qualified = Qualificació signada
st-title = Qualificació operacional de nkact-dose
st-header = { $program } { $version } · executada el { $date } · lloc { $workstation }
st-binary = SHA-256 de l'executable: { $sha }
st-pass = CORRECTE  { $id }: { $got } ({ $source })
st-fail = ERROR  { $id }: s'esperava { $expected }, s'ha obtingut { $got } ({ $source })
st-no-register = En aquest lloc no hi ha cap registre d'ordres configurat (--register o NKACT_DOSE_REGISTER): no s'ha comprovat.
st-all-passed = Les { $count } comprovacions són correctes.
st-failed = { $failed } de { $count } comprovacions han FALLAT: no feu servir aquest lloc per a l'assaig fins que siguin correctes.
st-signed = Signat al registre per { $name } (registre { $record }); SHA-256 dels resultats { $sha }.
st-bad-cases = no es pot fer servir el conjunt de casos { $file }: { $why }
g-set-by-pharmacy = fixat per farmàcia
g-policy-invalid = No es pot fer servir el fitxer de paràmetres de farmàcia { $path } ({ $why }): no hi ha res bloquejat; aviseu farmàcia o informàtica.
