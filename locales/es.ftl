# nkact-dose: las palabras en español (Spanish words of nkact-dose).
#
# Clinical wording for Spanish hospital pharmacies and wards. It MUST be
# reviewed by a Spanish oncology pharmacist before clinical use.
#
# One message per sentence or label. Placeables ({ $name }) carry values the
# program has already written: numbers follow ISMP (no trailing zero, a
# leading zero, a space before the unit and before "%", no digit grouping with
# a point or a comma) with the document's decimal mark. Counts that choose a
# plural ($n, $days, $count, $max, $hours, $minutes, $age, $cycle) arrive as
# numbers; Spanish uses the CLDR categories [one] and *[other].
#
# GLOSARIO / GLOSSARY (term used here, then its source)
# - superficie corporal (body-surface area): AEMPS CIMA, ficha técnica de
#   Genoxal (ciclofosfamida) and of Proleukin (dosis en mg/m² o unidades/m² "de
#   superficie corporal"); Real Academia Nacional de Medicina (RANM),
#   "Diccionario de términos médicos", s.v. superficie corporal.
# - dosis de carga / dosis de mantenimiento (loading / maintenance dose): AEMPS
#   CIMA, fichas técnicas de Herceptin (trastuzumab) y Perjeta (pertuzumab),
#   sección 4.2 ("dosis de carga", "dosis de mantenimiento").
# - recarga (re-load): short badge for "volver a administrar la dosis de carga",
#   the wording of the Herceptin and Perjeta fichas técnicas (4.2, dosis
#   retrasadas u omitidas). Not a dictionary term: explained where used.
# - vía intravenosa (IV) / vía subcutánea: AEMPS CIMA, fichas técnicas de
#   Herceptin, Perjeta (vía intravenosa) y Proleukin (vía subcutánea).
# - ciclo, día (día 1, día -1; no day 0): protocol day numbering, as in the
#   fichas técnicas ("cada 3 semanas") and SEFH/GEDEFO practice.
# - hoja de prescripción / orden de preparación ("Hoja de prescripción y orden
#   de preparación"): SEFH–GEDEFO with SEEO and SEOM, Farm Hosp
#   2018;42(6):261-268 (prescripción, validación farmacéutica, orden de
#   preparación, orden de administración).
# - validación farmacéutica: GEDEFO 2018 (ibid.): clinical verification of the
#   prescription against the approved protocol and the patient's parameters.
# - doble chequeo independiente: SEFH/GEDEFO (ibid.) and ISMP-España safe
#   practice recommendations for high-alert medicines.
# - alergias: ISMP-España ("alergias o reacciones adversas previas").
# - NHC (número de historia clínica): Spanish hospital practice; Ministerio de
#   Sanidad FHIR IG "ÚNICAS", Patient profile (identifiers). The field label
#   spells it out once: "NHC (número de historia clínica)".
# - unidades (IL-2 units): Stoklosa & Ansel, Spanish edition (write "unidades
#   internacionales" in full, not "UI"); ISMP-España, "Lista de abreviaturas,
#   símbolos y expresiones de dosis asociadas a errores de medicación".
# - células NK: RANM, "Diccionario de términos médicos" (célula NK, linfocito
#   citolítico natural).
# - interleucina-2 (aldesleukina): AEMPS CIMA, ficha técnica de Proleukin
#   (aldesleukina); RANM, "Diccionario de términos médicos" (interleucina).
# - ciclofosfamida: AEMPS CIMA, ficha técnica de Genoxal.
# - cloruro sódico 0,9 % (suero fisiológico): AEMPS CIMA, fichas técnicas de
#   Herceptin y Perjeta (solución de cloruro sódico 9 mg/ml (0,9 %)).
# - talla (body height, in cm): RANM, "Diccionario de términos médicos".
# - FEVI (fracción de eyección del ventrículo izquierdo), LSN (límite superior
#   de la normalidad): AEMPS CIMA, fichas técnicas de Herceptin (4.2, 4.4) y
#   Perjeta; "suspender" a dose for a fall in FEVI: ibid.
# - RAN (recuento absoluto de neutrófilos), AST (GOT), ALT (GPT), aclaramiento
#   de creatinina (Cockcroft-Gault): Spanish laboratory reports and fichas
#   técnicas (4.2, insuficiencia renal).
# - perfusión (infusion time and rate in mL/h): fichas técnicas de Herceptin
#   y Perjeta, 4.2 ("perfusión de 90 minutos").
#
# NEVER "SC": in Spanish sources it stands for both "subcutánea" and
# "superficie corporal" (a Huelva hospital's parenteral guide; Stoklosa & Ansel,
# Spanish edition), so one abbreviation could send a dose by the wrong route or
# on the wrong basis. Both are always written out.
# NEVER "UI" (nor "U"): "UI" is on ISMP-España's list of error-prone
# abbreviations (read as "IV" or as "10"; the Spanish list itself could not be
# read for spanish-practice.md, so the reviewing pharmacist should confirm the
# entry) and Stoklosa & Ansel say to write the words in full. Spanish vial
# labels say "UI"; the sheet says "unidades".
# Dates: day first, month in letters ("1 dic 2026 (mar)"), as the RAE
# recommends; ISO 8601 stays in files and JSON.

## Nombres

window-title = { $program } · { $regimen } ({ $protocol })
regimen-title = NK-ACT-BC: células NK alogénicas con trastuzumab y pertuzumab
diagnosis = Cáncer de mama metastásico HER2 positivo

# Field labels carry their grammatical gender (.gender) for agreement.
# "Talla" is the clinical word for body height (RANM).
field-weight = Peso (kg)
    .gender = masculine
field-height = Talla (cm)
    .gender = feminine
field-bsa-formula = Fórmula de superficie corporal
    .gender = feminine
# The BSA cap: a maximum body-surface area some sites apply to doses.
field-bsa-cap = Límite de superficie corporal (m²)
    .gender = masculine
field-nk-cells = Células NK
    .gender = feminine-plural
field-cycle = Ciclo
    .gender = masculine
field-day1 = Fecha del día 1
    .gender = feminine
field-last-trastuzumab = Fecha de la última dosis de trastuzumab
    .gender = feminine
field-last-pertuzumab = Fecha de la última dosis de pertuzumab
    .gender = feminine
# The weight the previous doses were calculated with.
field-previous-weight = Peso usado en las dosis anteriores (kg)
    .gender = masculine
field-settings = Configuración
    .gender = feminine
field-patient-name = Nombre y apellidos del paciente
    .gender = masculine
# NHC: número de historia clínica, the hospital record number.
field-patient-id = NHC (número de historia clínica)
    .gender = masculine
field-date-of-birth = Fecha de nacimiento
    .gender = feminine
field-allergies = Alergias
    .gender = feminine-plural
field-issued-by = Emitida por
    .gender = feminine
field-acknowledged-by = Avisos confirmados por
    .gender = masculine
field-verifier = Nombre de quien verifica
    .gender = masculine
field-reason = Motivo
    .gender = masculine

drug-cyclophosphamide = Ciclofosfamida
drug-trastuzumab = Trastuzumab
drug-pertuzumab = Pertuzumab
# Proleukin's active substance, as in its AEMPS ficha técnica.
drug-interleukin2 = Aldesleukina (interleucina-2)

# Routes are written out: never "SC" (subcutánea or superficie corporal?).
route-intravenous = vía intravenosa (IV)
route-subcutaneous = vía subcutánea

formula-mosteller = Mosteller
formula-dubois = DuBois y DuBois
formula-haycock = Haycock
formula-gehan-george = Gehan y George
formula-boyd = Boyd

# Suero fisiológico; $pct is the number 0,9 written with the document's mark.
diluent-nacl-09 = cloruro sódico { $pct } %
paper-a4 = A4
paper-letter = Carta (EE. UU.)
lang-en = English
lang-es = Español
lang-ca = Català
decimal-mark-point = punto
decimal-mark-comma = coma

## Cantidades

amount-mg = { $n } mg
# "unidades", never "UI" or "U" (ISMP-España).
amount-units = { $n } unidades
amount-units-millions = { $n } unidades ({ $millions } { $m ->
    [one] millón
   *[other] millones
} de unidades)
amount-million-units = { $millions } { $m ->
    [one] millón
   *[other] millones
} de unidades
rate-mg-per-m2 = { $n } mg/m²
rate-mg-per-kg = { $n } mg/kg
rate-units-per-m2 = { $n } unidades/m²
rate-units-per-kg = { $n } unidades/kg
concentration-mg = { $n } mg/mL
concentration-units = { $n } unidades/mL
concentration-million-units = { $millions } { $m ->
    [one] millón
   *[other] millones
} de unidades/mL
volume-ml = { $n } mL
measure-kg = { $n } kg
measure-cm = { $n } cm
measure-m2 = { $n } m²
cells = { $pow } células ({ $millions } { $m ->
    [one] millón
   *[other] millones
})
nk-range = de { $min } a { $max }
nk-large = { $pow } células
# Shown after "viales:" (draw-with-vials), so the noun is not repeated:
# "viales: 1 de 420 mg + 2 de 150 mg".
vials-none = ninguno
vials-of = { $count ->
    [one] { $count } de { $size }
   *[other] { $count } de { $size }
}

## Días y fechas

# Protocol days: día 1 is the antibody day; día -1 the day before (no día 0).
day-label = Día { $day }
# Day first, month in letters: "1 dic 2026 (mar)". $iso is also given.
date = { $day } { $month } { $year }, { $weekday }
date-plain = { $day } { $month } { $year }
datetime = { $day } { $month } { $year }, { $time } h
day-with-date = { $day } ({ $date })
days-once-within = dosis única, un solo día: del { $first } al { $last }
days-count = { $n ->
    [one] { $n } día
   *[other] { $n } días
}
month-short = { $m ->
    [1] ene
    [2] feb
    [3] mar
    [4] abr
    [5] may
    [6] jun
    [7] jul
    [8] ago
    [9] sep
    [10] oct
    [11] nov
   *[12] dic
}
weekday-short = { $d ->
    [1] lunes
    [2] martes
    [3] miércoles
    [4] jueves
    [5] viernes
    [6] sábado
   *[7] domingo
}
# The days on which a once-only dose may be given (cyclophosphamide).
event-window = { $drug }: dosis única en uno de estos días
event-nk-infusion = Infusión de células NK
event-next-cycle = Día 1 del ciclo siguiente

## Cálculo

bsa-working = { $formula }: { $expression } = { $unrounded } m², redondeada a { $rounded }
bsa-working-capped = { $working }; limitada a { $cap } (límite de superficie corporal indicado en esta orden): las dosis usan { $cap } en lugar de { $rounded }
bsa-boyd-expression = G = { $w } kg × 1000 g/kg = { $g } g; { $k } × { $h }^{ $a } × G^({ $b } − { $s } × log10 G)
phase-loading = dosis de carga
phase-maintenance = dosis de mantenimiento
phase-first-cycle = el ciclo 1 empieza con la dosis de carga
# "recarga": the loading dose given again after a long interval (fichas
# técnicas de Herceptin y Perjeta, 4.2).
phase-within = última dosis el { $last }; día 1 el { $day1 }: { $days ->
    [one] { $days } día
   *[other] { $days } días
} sin dosis (máximo { $max } días): dosis de mantenimiento (se repite la dosis de carga a partir de { $reload } días)
phase-exceeded = última dosis el { $last }; día 1 el { $day1 }: { $days ->
    [one] { $days } día
   *[other] { $days } días
} sin dosis (más de { $max } días): RECARGA, se repite la dosis de carga (a partir de { $reload } días)
phase-not-checked = intervalo desde la última dosis sin comprobar (faltan las fechas)
working-product = { $rate } × { $basis } = { $result }
working-product-capped = { $rate } × { $basis } = { $result } (superficie corporal limitada; sin límite, { $uncapped_bsa } daría { $uncapped_dose })
working-flat = dosis fija de { $amount }
working-phase = { $formula } ({ $phase })
working-rounded = { $formula }; dosis redondeada a { $dose } (múltiplo de { $increment } más próximo)
working-phase-rounded = { $formula } ({ $phase }); dosis redondeada a { $dose } (múltiplo de { $increment } más próximo)
# IL-2 on the NK day: never before the NK cell infusion.
after-nk = { $day }: en las { $hours } h siguientes a la infusión de células NK, nunca antes de ella
infusion-over = { $minutes } min
bag-in = { $volume } de { $diluent }
bag-volume = bolsa de { $volume }
too-small-dilute = { $volume } es inferior al volumen mínimo medible de { $min }: diluya a { $concentration } y después extraiga { $draw }
too-small-no-step = { $volume } es inferior al volumen mínimo medible de { $min }: diluya según protocolo del centro (dilución intermedia no configurada en el programa)
nk-pending = PENDIENTE
nk-within-range = DENTRO DEL RANGO
nk-out-of-range = FUERA DE RANGO
nk-line-within = { $cells }: dentro del rango ({ $range } células)
nk-line-out = { $pow } células ({ $count } células): FUERA DE RANGO, debe estar en el rango { $range } células; no infundir
nk-line-pending = pendiente de la liberación del producto: debe contener { $range } células
weight-change-line = de { $from } a { $to }: variación del { $pct } % (recalcular si ≥ { $threshold } %)
# Badge: the loading dose is given again.
reload-badge = RECARGA

## Avisos

warn-weight-soft = El peso de { $value } está fuera del intervalo habitual de { $min } a { $max }: compruébelo
warn-height-soft = La talla de { $value } está fuera del intervalo habitual de { $min } a { $max }: compruébela
warn-bsa-soft = La superficie corporal de { $value } está fuera del intervalo habitual de { $min } a { $max }: compruebe la talla y el peso
warn-interval-not-checked = { $drug }: se indica la dosis de mantenimiento sin comprobar el intervalo desde la última dosis; introduzca la fecha del día 1 y la de la última dosis de { $drug } para comprobar si hay que volver a administrar la dosis de carga
warn-interval-too-short = { $drug }: última dosis { $last }, día 1 { $day1 }: solo { $days ->
    [one] { $days } día
   *[other] { $days } días
} desde la última dosis, menos de los { $min } días que permite una pauta cada 3 semanas; compruebe las fechas e indique un motivo para continuar
warn-volume-too-small = { $drug }: { $volume } es inferior al volumen mínimo medible de { $min }; no hay dilución intermedia configurada
warn-bsa-cap-dose = { $drug }: { $uncapped } sin límite, { $capped } con límite
warn-bsa-cap = El límite de superficie corporal de { $cap } indicado en esta orden reduce las dosis (superficie corporal sin límite: { $uncapped }): { $doses }
warn-last-dose-ignored = Se ha introducido una fecha de última dosis de { $drug } ({ $date }) en el ciclo 1: el ciclo 1 siempre lleva la dosis de carga, por lo que esa fecha no se usa; compruebe el ciclo
warn-nk-not-this-cycle = Las células NK solo se administran en el ciclo 1; el recuento introducido no se usa en el ciclo { $cycle }
warn-weight-change = El peso ha cambiado desde las últimas dosis: { $change }
warn-age-under-18 = El paciente es menor de 18 años (edad: { $age }; fecha de nacimiento: { $dob }): el protocolo incluye pacientes de 18 años o más; indique un motivo para continuar
warn-allergy-antibody = Las alergias mencionan un fármaco de este esquema ({ $drugs }): la hipersensibilidad a trastuzumab o a pertuzumab excluye al paciente (criterio de exclusión 6 del protocolo); indique un motivo para continuar
warn-allergy = Las alergias mencionan un fármaco de este esquema ({ $drugs }): esta orden incluye ese fármaco; indique un motivo para continuar
warn-allergies-mixed-scripts = Las alergias mezclan letras de alfabetos distintos (una letra cirílica o griega que parece latina): vuelva a leerlas y contrástelas con la historia clínica del paciente
warn-name-mixed-scripts = El nombre del paciente "{ $name }" mezcla letras de alfabetos distintos (por ejemplo, una letra cirílica que parece latina): compruébelo con los documentos del paciente
warn-day1-before-order = El día 1 ({ $day1 }) es anterior a la fecha de la orden ({ $order_date }): compruebe la fecha del día 1
warn-window-before-order = { $drug }: toda su ventana de administración termina el { $last }, antes de la fecha de la orden ({ $order_date }): compruebe la fecha del día 1

## Errores de entrada
# $label is the field's label, $value the value as typed (escaped), $gender
# the label's grammatical gender (an attribute of the field-* message). Two
# labels are plural ("Alergias", "Células NK"), so the sentences are built so
# that no adjective has to agree with the label.

accepted-weight = un peso en kg de { $min } a { $max }, escrito como 70,5 o 70.5
accepted-height = una talla en cm de { $min } a { $max }, escrita como 170 o 170,5
accepted-bsa-cap = un límite en m² de { $min } a { $max }, como 2 o 2,2; si se deja vacío, no se aplica ningún límite
accepted-bsa-formula = una de estas: { $keys }
accepted-nk-cells = un recuento de células positivo, como 2e8, 2.5E8, 2,5e8, 2.5x10^8, 2.5 × 10^8, 250 millones o 200000000, en número entero de células; vacío mientras el recuento esté pendiente
accepted-cycle = un número entero de 1 a { $max }
accepted-date = una fecha escrita AAAA-MM-DD, como 2026-03-02, entre los años { $first } y { $last }
accepted-settings = números positivos para cada producto, redondeo y umbral
accepted-patient-name = el nombre y los apellidos del paciente, hasta { $max } caracteres
accepted-patient-id = el NHC: letras mayúsculas A-Z, cifras, espacios, - / y ., hasta { $max } caracteres
accepted-person = el nombre de una persona, hasta { $max } caracteres
accepted-reason = un motivo escrito con palabras (3 letras o más), hasta { $max } caracteres
accepted-date-of-birth = una fecha escrita AAAA-MM-DD, no futura, a partir de 1900
accepted-allergies = las alergias escritas (no "?", "desconocido", "NKA" ni "NAMC"), o "ninguna conocida", hasta { $max } caracteres

error-with-accepted = { $error } Se admite: { $accepted }.
# Agreement with the field's gender and number (the .gender attribute of each field-* label).
error-missing = { $label } { $gender ->
    [feminine] es obligatoria.
    [feminine-plural] son obligatorias.
    [masculine-plural] son obligatorios.
   *[masculine] es obligatorio.
}
error-not-a-number = { $label }: "{ $value }" no es un número.
error-not-positive = { $label }: "{ $value }" debe ser mayor que cero.
error-below-min = { $label }: "{ $value }" es inferior al mínimo admitido.
error-above-max = { $label }: "{ $value }" es superior al máximo admitido.
error-metres = { $label }: "{ $value }" parece estar en metros: introduzca la talla en centímetros ({ $m } m = { $cm } cm).
error-metres-plain = { $label }: "{ $value }" parece estar en metros: introduzca la talla en centímetros.
error-millimetres = { $label }: "{ $value }" parece estar en milímetros: introduzca la talla en centímetros ({ $mm } mm = { $cm } cm).
error-millimetres-plain = { $label }: "{ $value }" parece estar en milímetros: introduzca la talla en centímetros.
error-grams = { $label }: "{ $value }" parece estar en gramos: introduzca el peso en kilogramos ({ $g } g = { $kg } kg).
error-grams-plain = { $label }: "{ $value }" parece estar en gramos: introduzca el peso en kilogramos.
error-not-whole = { $label }: "{ $value }" debe ser un número entero.
error-not-a-date = { $label }: "{ $value }" no es una fecha (o no es un día que exista).
error-date-out-of-range = { $label }: "{ $value }" está fuera de los años admitidos.
error-not-before-day1 = { $label }: "{ $value }" debe ser anterior a la fecha indicada en { $day1 }.
error-unknown-formula = { $label }: "{ $value }" no es una fórmula de superficie corporal que este programa conozca.
error-bad-setting = { $label }: "{ $value }" no se puede usar.
error-forbidden-characters = { $label }: "{ $value }" contiene caracteres que no se admiten aquí: { $chars }.
error-right-to-left = { $label }: "{ $value }" contiene letras que se escriben de derecha a izquierda, que la hoja de prescripción todavía no puede imprimir en su orden de lectura.
error-invisible-only = { $label }: "{ $value }" solo contiene caracteres invisibles: se imprimiría en blanco.
error-too-long = { $label } supera los { $max } caracteres.
error-unprintable = { $label }: "{ $value }" contiene caracteres que la fuente de la hoja de prescripción no puede imprimir (aparecerían como recuadros vacíos): { $chars }.
error-too-many-decimals = { $label }: "{ $value }" { $max ->
    [0] debe escribirse sin decimales.
    [one] tiene más de 1 decimal.
   *[other] tiene más de { $max } decimales.
}
error-not-whole-count = { $label }: "{ $value }" debe ser un número entero de células, con 15 cifras significativas como máximo.
error-stray-marks = { $label }: "{ $value }" tiene tildes u otros diacríticos sin letra debajo, o más de 3 sobre una misma letra: no se imprimiría tal como se ha escrito.
error-placeholder = { $label }: "{ $value }" es un texto de relleno, no el dato en sí.

char-tab = tabulador
char-line-feed = salto de línea
char-carriage-return = retorno de carro
char-escape = escape
char-delete = carácter de borrado
char-next-line = línea siguiente
char-soft-hyphen = guion condicional
char-zero-width-space = espacio de ancho cero
char-zero-width-non-joiner = separador de ancho cero
char-zero-width-joiner = unión de ancho cero
char-direction-mark = marca de dirección
char-bidi-override = control de dirección bidireccional
char-word-joiner = unión de palabras
char-zero-width-no-break-space = espacio sin separación de ancho cero

## Doble chequeo

# Doble chequeo independiente (SEFH/GEDEFO): a second professional re-enters
# the data without seeing the first entries.
mismatch-no-verifier = El nombre de quien verifica es obligatorio.
mismatch-same-person = El doble chequeo debe hacerlo una segunda persona, distinta de quien emitió la orden.
mismatch-identity = Confirme el nombre, el NHC y la fecha de nacimiento del paciente en la etiqueta de cada bolsa o jeringa.
mismatch-measure = { $label } no coincide con la primera entrada: compruebe el dato en su origen y vuelva a introducirlo.
mismatch-dose = { $drug }: la dosis de la etiqueta no coincide con la orden: compruebe la bolsa o jeringa y vuelva a introducir su dosis.

## Rechazos, archivos, registro, impresión

order-id-revision = { $id } rev. { $revision }
refuse-invalid = No se genera la hoja de prescripción: corrija primero los datos marcados con error.
refuse-nk-out-of-range = No se genera la hoja de prescripción: el recuento de células NK está fuera de rango; debe estar en el rango { $range } células.
refuse-unacknowledged = { $count ->
    [one] No se genera la hoja de prescripción: primero hay que confirmar 1 aviso.
   *[other] No se genera la hoja de prescripción: primero hay que confirmar { $count } avisos.
}
refuse-font = No se genera la hoja de prescripción: no se ha podido cargar la fuente incrustada.
refuse-still-typing = Todavía no se genera la hoja de prescripción: se está escribiendo una medida. Pulse Tab o Intro para terminar el campo; hasta entonces, las dosis mostradas son provisionales.

file-io = No se ha podido usar { $path }: { $error }. No se ha modificado nada.
file-exists = { $path } ya existe; no se ha sustituido (use --force para sustituirlo).
file-corrupt = { $path } no es un archivo de orden legible ({ $detail }). No se ha modificado nada.
file-wrong-format = { $path } no es una orden de nkact-dose (formato "{ $found }"). No se ha modificado nada.
file-wrong-version = { $path } tiene la versión { $found } del formato de orden; este programa lee las versiones 1 a { $version }. No se ha modificado nada.
file-changed = { $path } se ha modificado o dañado desde que se guardó (su suma de comprobación no coincide); no se ha abierto. No se ha modificado nada.
file-too-large = { $path } es más grande de lo que puede ser un archivo de orden ({ $max } bytes como máximo); no se ha leído. No se ha modificado nada.
file-not-regular = { $path } no es un archivo normal (es una carpeta, un dispositivo o un enlace simbólico); no se ha usado. No se ha modificado nada.
file-invalid = { $path } contiene valores que no se pueden usar: { $errors } No se ha modificado nada.

register-locked = Otro programa tiene bloqueado el registro de órdenes { $path }.
register-read-only = No se puede escribir en el registro de órdenes { $path } (solo lectura).
register-corrupt = El registro de órdenes { $path } está dañado o no es un registro ({ $detail }).
register-newer = El registro de órdenes { $path } tiene la versión de esquema { $found }, posterior a la { $version } de este programa.
register-other = No se ha podido usar el registro de órdenes { $path }: { $detail }.
register-not-a-file-empty = No se puede usar el registro de órdenes "{ $path }": una ruta vacía no guarda nada; indique un archivo.
register-not-a-file-memory = No se puede usar el registro de órdenes "{ $path }": una base de datos en memoria o URI no guarda nada cuando el programa termina; indique un archivo.
register-not-a-file-folder = No se puede usar el registro de órdenes "{ $path }": es una carpeta; indique un archivo dentro de ella.
register-not-a-file-broken-link = No se puede usar el registro de órdenes "{ $path }": es un enlace simbólico que no apunta a nada.
register-not-a-file-special = No se puede usar el registro de órdenes "{ $path }": no es un archivo normal.
register-duplicate-id = El registro de órdenes { $path } ya contiene otra orden con el identificador { $id }; esta no se ha anotado.
not-recorded = AVISO: esta orden NO se ha anotado en el registro. { $error }
not-recorded-no-location = AVISO: esta orden NO se ha anotado: no hay carpeta de datos para el registro de órdenes (use --register PATH).
recorded = Anotada en el registro de órdenes { $path }: { $action }
action-exported = exportada
action-printed = impresa
action-reprinted = reimpresa
action-check-failed = doble chequeo no superado

print-no-service = No se ha podido acceder al servicio de impresión (CUPS): { $detail }. La orden no se ha impreso.
print-rejected = Se ha rechazado el trabajo de impresión: { $detail }. La orden no se ha impreso.
print-no-default = No se ha impreso: este equipo no tiene impresora predeterminada; elija una impresora en la lista junto a Imprimir (la hoja no consta como impresa).
print-unsupported = La impresión no está disponible en este sistema; exporte el PDF e imprímalo desde un visor.
print-timeout = El trabajo de impresión { $job } no ha terminado a tiempo.
print-failed = El servicio de impresión ha cancelado o interrumpido el trabajo de impresión { $job }.
printed-to = Enviada a la impresora { $printer } como trabajo { $job }
printed-default = Enviada a la impresora predeterminada como trabajo { $job }
written = Hoja de prescripción guardada en { $path }

acknowledged = { $warning } — confirmado por { $by } el { $at }
acknowledged-with-reason = { $warning } — confirmado por { $by } el { $at }; motivo: { $reason }
acknowledged-short = — { $by }, { $time }
verified-by = Verificada por { $verifier } el { $at }

## Hoja de prescripción

sheet-header-left = { $regimen } · { $protocol } · { $sponsor }
sheet-page = Página { $page } de { $pages }
# "huella": the order's fingerprint (a checksum of its content).
sheet-footer = { $program } { $version } · generada el { $at } · código de control { $fingerprint } · { $mark }
sheet-seal-title = Sello del registro · compruébelo con nkact-dose register verify-sheet (este PDF o un escaneo)
sheet-seal-order = Orden { $order } · revisión { $revision } · huella { $fingerprint }
sheet-seal-record = Anotada como registro { $seq } del registro de órdenes, tras la cabeza de la cadena:
sheet-seal-unrecorded = No anotada en un registro de órdenes al imprimirse.
sheet-seal-unencrypted = AVISO: se accedió al registro por un enlace de red SIN CIFRAR (sslmode=disable).
sheet-identity-strip = Paciente: { $name } · NHC: { $record } · Fecha de nacimiento: { $dob }
sheet-revision = revisión { $revision }: sustituye a la revisión { $previous } de esta orden
sheet-phase = { $phase }: { $reason }
sheet-numbers-with = separador decimal: { $mark }

## Ventana

g-bag-label = { $drug } ({ $unit })
g-saved = Orden guardada en { $path }
g-opened = Orden abierta desde { $path }; dosis recalculadas a partir de sus datos
g-confirm-replace = { $path } ya existe. ¿Desea sustituirlo?
g-reopened = Orden { $id } reabierta desde el registro; dosis recalculadas a partir de sus datos
g-unit-mg = mg
g-unit-units = unidades
g-col-when = Fecha y hora
g-col-action = Acción
g-col-order = Orden
g-col-fingerprint = Código de control
g-col-patient = Paciente
g-col-record = NHC
g-col-cycle = Ciclo
g-col-verified = Verificada por
g-col-doses = Dosis
g-col-lang = Idioma de la hoja
g-language = Idioma
g-decimal-mark = Separador decimal (pantalla y papel)
g-discard-question = Esta orden tiene cambios que no se han guardado ni emitido. ¿Desea descartarlos?
g-discard = Descartar cambios
g-keep = Seguir editando
g-export-reprint = Exportar el PDF de esta orden…

## Línea de órdenes

calc-default-cycle = Nota: no se ha indicado --cycle: se supone el ciclo 1 (una hoja de prescripción requiere --cycle).
calc-default-day1 = Nota: no se ha indicado --day1: no hay fechas de calendario (una hoja de prescripción requiere --day1).
cli-error = { $program }: error: { $message }
cli-field-error = { $error } ({ $option })
cli-missing-value = la opción { $option } necesita un valor (consulte --help)
cli-bad-paper = --paper "{ $value }": se admite a4 o letter
cli-bad-lang = --lang "{ $value }": se admite en, es o ca
cli-bad-decimal-mark = --decimal-mark "{ $value }": se admite point o comma
cli-not-utf8 = { $option } "{ $value }": no es texto UTF-8 válido (los bytes mostrados como U+FFFD no se han podido leer); vuelva a escribirlo en un terminal UTF-8
cli-empty-value = { $label }{ $option } tiene un valor vacío; indique un valor u omita la opción (un valor vacío nunca se toma como el valor predeterminado)
cli-empty-value-label = { $label }:{" "}
cli-order-requires = una hoja de prescripción necesita { $option }: en una orden nunca se asume un valor predeterminado (calc puede omitirla)
cli-bad-reason = --reason "{ $value }": escriba CÓDIGO=TEXTO, el código del aviso y por qué se confirma (códigos: véase `nkact-dose calc`)
cli-out-or-print = order necesita --out FILE.pdf, --print o ambas
cli-out-not-pdf = --out "{ $value }": la hoja es un PDF; el nombre del archivo debe terminar en .pdf (nunca se sobrescribe un registro ni otro archivo)
cli-out-is-register = --out "{ $value }" es el propio registro de órdenes; elija otro archivo
cli-bad-printer = --printer "{ $value }": el nombre de una impresora no lleva espacios, caracteres de control, / ni #
cli-reason-for-no-warning = --reason indicado para "{ $value }", que no es un aviso de esta orden (compruebe el código con `nkact-dose calc`)
cli-needs-reason = este aviso necesita un motivo: --reason { $code }="por qué es correcto continuar"
cli-repeated-reason = --reason para "{ $value }" indicado más de una vez
cli-window-failed = no se ha podido abrir la ventana ({ $detail }); la línea de órdenes sigue funcionando: consulte --help
cli-protocol-failed = { $program }: ha fallado una comprobación del protocolo: vea la línea de células NK
cli-unacknowledged-hint = lea los avisos y después añada --acknowledged-by NOMBRE para registrar que NOMBRE los ha confirmado, y --reason CÓDIGO=TEXTO para cada uno que necesite un motivo

## Etiquetas: el informe (l-*), la hoja de prescripción (s-*) y la ventana (g-*)

l-bsa = Superficie corporal
l-dose = Dosis
l-working = Cálculo
l-route-days = Vía y día(s)
l-draw = Volumen a extraer
l-diluent = Bolsa
l-nk = Células NK
l-schedule = Calendario
l-warnings = Avisos
l-weight-change = Cambio de peso
l-cycle = Ciclo
l-not-in-cycle = no se administran en este ciclo
l-too-small = VOLUMEN NO MEDIBLE
l-none = ninguno
l-timing = Momento de administración
l-needs-reason = (requiere un motivo)
s-title = Hoja de prescripción y orden de preparación
s-order = Orden
s-patient = Paciente
s-record = NHC
s-dob = Fecha de nacimiento
s-allergies = Alergias
s-order-date = Fecha de la orden
s-diagnosis = Diagnóstico
s-issued-by = Emitida por
s-basis = Base del cálculo de las dosis
s-height = Talla
s-weight = Peso
s-previous-weight = Peso usado en las dosis anteriores
s-schedule = Calendario, en orden de administración
s-doses = Dosis, en orden de administración
s-phase = Fase
s-warnings = Avisos confirmados
s-signatures = Firmas
s-prescriber = Prescripción médica
# Validación farmacéutica (GEDEFO 2018): the pharmacist's clinical check of the prescription.
s-pharmacist = Validación farmacéutica
s-double-check = Doble chequeo independiente
s-sig-name = Nombre:
s-sig-signature = Firma:
s-sig-date = Fecha y hora:
s-double-check-scope = Se comprueban el fármaco, la dosis, el cálculo y sus variables, el volumen, la vía, el tiempo de perfusión, el ciclo y el día.
s-revision = Revisión
s-last-trastuzumab = Última dosis de trastuzumab
s-last-pertuzumab = Última dosis de pertuzumab
g-new = Nueva orden
g-open = Abrir…
g-save = Guardar…
g-dark = Tema oscuro
g-measures = Peso y talla
g-nk-product = Producto de células NK
g-issued-by = Su nombre (quien emite la orden)
g-optional = opcional
g-required = Obligatorio
g-cycle-hint = obligatorio: 1, 2, 3…
g-path-hint = ruta completa del archivo
g-date-hint = AAAA-MM-DD
g-nk-hint = células; vacío = pendiente
g-allergies-hint = escriba "ninguna conocida" si no hay
g-site-settings = Configuración del centro
g-rounding = Incremento de redondeo (mg)
g-il2-dilution = Dilución de aldesleukina (millones de unidades/mL)
g-apply-settings = Aplicar la configuración
g-settings-invalid = Configuración no aplicada: use números positivos sencillos, como 1 o 0,5.
g-paper = Papel
g-no-doses-yet = Aún no hay dosis. Introduzca el paciente, el peso, la talla y el ciclo: aquí aparecerán las dosis del esquema NK-ACT-BC con su cálculo.
g-nothing-to-export = Todavía no hay nada que exportar ni imprimir.
g-no-printers = No se han encontrado impresoras: exporte el PDF o solicite que se añada una impresora.
g-no-doses = Sin dosis: corrija los campos marcados en rojo. No se calcula nada a partir de datos incompletos o no válidos.
g-double-check = Doble chequeo
g-export = Exportar PDF…
g-replace = Sustituir
g-ack-needs-name = Escriba su nombre (emitida por) para confirmar los avisos.
g-double-check-title = Doble chequeo independiente
g-double-check-intro = Segundo profesional: vuelva a introducir las medidas desde su origen, sin mirar las primeras entradas, y escriba la dosis impresa en la etiqueta de cada bolsa o jeringa preparada.
g-verifier = Nombre de quien verifica
g-patient-on-labels = Paciente: compruebe estos datos en la etiqueta de cada bolsa o jeringa
g-confirm-identity = He confirmado el nombre, el NHC y la fecha de nacimiento en la etiqueta de cada bolsa o jeringa
g-re-last-t = Fecha de la última dosis de trastuzumab (reintroducida)
g-re-last-p = Fecha de la última dosis de pertuzumab (reintroducida)
g-not-verified = SIN VERIFICAR: no consta ningún doble chequeo independiente de esta orden
g-provisional = PROVISIONAL: todavía se está escribiendo una medida. Termine el campo (Tab o Intro) antes de usar estas dosis.
g-reason = Motivo
g-reason-hint = por qué es correcto continuar
g-re-weight = Peso reintroducido (kg)
g-re-height = Talla reintroducida (cm)
g-re-nk = Células NK reintroducidas
g-re-lvef = FEVI más reciente (%), según el informe
g-re-lvef-baseline = FEVI basal (%), según el informe
g-bag-labels = Dosis en las etiquetas de las bolsas y jeringas
g-compare = Comparar
g-cancel = Cancelar
g-order-files = Orden de nkact-dose
g-typed-path-title = Ruta del archivo
g-path = Ruta
g-save-to-path = Guardar la orden en la ruta
g-open-path = Abrir la orden desde la ruta
g-export-to-path = Exportar el PDF a la ruta
g-type-a-path = Escriba primero la ruta de un archivo.
g-no-chooser = No se ha elegido ningún archivo. Si en este puesto no ha aparecido el selector de archivos, escriba una ruta abajo.
g-print = Imprimir…
g-printer = Impresora
g-refresh-printers = Actualizar impresoras
g-default-printer = (impresora predeterminada)
g-register = Registro
g-register-title = Registro de órdenes
g-register-at = Archivo del registro
g-register-filter-id = Filtro: NHC
g-register-filter-date = Filtro: fecha
g-register-bad-date = Fecha del filtro: escriba AAAA-MM-DD o déjela vacía.
g-register-empty = Sin entradas.
g-filter = Filtrar
g-close = Cerrar
g-reopen = Reabrir
g-reprint = Reimprimir
g-pdf-files = PDF

## Modelo de presentación

headline = { $title } ({ $protocol }) · Ciclo { $cycle }
route-and-days = { $route } · { $days }
draw-with-vials = { $working } (viales: { $vials })

# How a large number of units is written. "grouped": 910 000 units (0.91 million
# units); "millions": 0,91 millones de unidades, for documents where digits are
# never grouped (spanish-practice.md: the RAE's space grouping is not for documents
# where the safety of a figure is at stake). Not shown: a choice for the program.
large-units-style = millions
rate-million-units-per-m2 = { $millions } { $m ->
    [one] millón
   *[other] millones
} de unidades/m²
g-unit-million-units = millones de unidades
field-lab = Resultado de laboratorio
    .gender = masculine
field-uln = Límite superior de la normalidad
    .gender = masculine
field-lvef = FEVI (%)
    .gender = feminine
field-lvef-date = Fecha de la FEVI
    .gender = feminine
field-lvef-baseline = FEVI basal (%)
    .gender = feminine
field-sex = Sexo
    .gender = masculine
field-previous-infusion-tolerated = Buena tolerancia a la perfusión anterior
    .gender = feminine
field-cyclophosphamide-date = Fecha de la ciclofosfamida
    .gender = feminine
field-nk-product-id = Código del producto o del donante NK
    .gender = masculine
field-nk-bag-id = Código de la bolsa NK
    .gender = masculine
field-nk-released-at = Hora de liberación o descongelación NK
    .gender = feminine
field-override = Justificación del prescriptor (criterio no cumplido)
    .gender = feminine
event-withheld = { $drug }: NO SE ADMINISTRA
warn-lvef-missing = No hay FEVI registrada para este ciclo de anticuerpos (ciclo { $cycle }): no se ha hecho la comprobación cardiaca; registre la última FEVI y su fecha, o indique un motivo para continuar
warn-lvef-old = La última FEVI ({ $date }) es de { $days } días antes del día 1 ({ $day1 }); el centro admite { $max } días antes de una dosis de anticuerpo: repítala o indique un motivo para continuar
warn-lvef-baseline-missing = FEVI { $latest } inferior al { $below } sin FEVI basal registrada, de modo que no se puede valorar el descenso: registre la basal o indique un motivo para continuar
accepted-lab = CÓDIGO=VALOR UNIDAD@AAAA-MM-DD, por ejemplo anc=1,8 x10^9/L@2026-11-25 o creatinine=85 umol/L@2026-11-25; códigos: { $codes }; unidades: x10^9/L o células/µL, g/dL o g/L, mg/dL o µmol/L, U/L; el INR sin unidad
accepted-uln = CÓDIGO=VALOR UNIDAD, por ejemplo bilirubin=1,2 mg/dL o ast=40 U/L; códigos: { $codes }
accepted-lvef = un porcentaje de { $min } a { $max }, por ejemplo 58
accepted-sex = mujer u hombre (female o male)
accepted-yes-no = sí o no
accepted-cyclophosphamide-date = una fecha del día -5 al día -3 de este ciclo, escrita AAAA-MM-DD
accepted-product-id = el código de la etiqueta: letras mayúsculas A-Z, cifras, espacios, - / y ., hasta { $max } caracteres
accepted-date-time = una fecha y hora escritas AAAA-MM-DD HH:MM, por ejemplo 2026-12-02 09:30
accepted-override = CÓDIGO=MOTIVO: el código de un criterio no cumplido o sin dato y por qué se trata igualmente
error-unknown-unit = { $label }: "{ $value }": falta la unidad o no es una en la que se informe esta prueba.
error-ambiguous-unit = { $label }: "{ $value }": la unidad se puede leer de dos maneras, así que no se presupone.
error-not-a-lab-entry = { $label }: "{ $value }" no está escrito como código de la prueba, =, valor con su unidad, @ y fecha.
error-unknown-test = { $label }: "{ $value }" nombra una prueba que los criterios no usan.
error-repeated = { $label }: "{ $value }" está introducido dos veces.
error-not-one-of = { $label }: "{ $value }" no es una de las respuestas admitidas.
error-outside-window = { $label }: "{ $value }" no es un día entre el día -5 y el día -3 de este ciclo (o falta el día 1).
error-not-a-date-time = { $label }: "{ $value }" no es una fecha y hora.
error-nothing-to-override = { $label }: "{ $value }" no nombra ningún criterio no cumplido o sin dato.
error-implausible = { $label }: "{ $value }" equivale a { $canonical }, fuera de lo que puede valer esta prueba ({ $low } a { $high }): { $hint }.
error-implausible-uln = { $label }: "{ $value }" equivale a { $canonical }, que no es un límite superior de la normalidad posible para esta prueba ({ $low } a { $high }): { $hint }.
hint-counts-per-microlitre = células/µL y × 10⁹/L difieren 1000 veces, revise la unidad
hint-grams-per-decilitre-or-litre = g/dL y g/L difieren 10 veces, revise la unidad
hint-micromoles-or-milligrams = µmol/L y mg/dL difieren 17 veces en la bilirrubina y 88 en la creatinina, revise la unidad
hint-value = revise el valor escrito
error-thousands-separator = { $label }: "{ $value }": un punto o una coma seguidos de tres cifras en un recuento por µL puede separar miles (1.500 = 1500) o marcar decimales (1,5); escriba el recuento sin él, como 1500, o en × 10⁹/L.
error-in-future = { $label }: "{ $value }" tiene fecha posterior a hoy; un resultado no puede tener fecha futura.
crit-sex = Sexo
crit-sex-female = mujer
crit-sex-male = hombre
crit-limit-sex = mujer (registro del ensayo: sexo elegible)
measure-pct = { $n } %
fill-in = Sin configurar por el centro: Farmacia lo escribe a mano ________________
per-site-protocol = según protocolo del centro
crit-anc = Neutrófilos (RAN)
crit-lymphocytes = Linfocitos
crit-platelets = Plaquetas
crit-hb = Hemoglobina
crit-bilirubin = Bilirrubina total
crit-ast = AST (GOT)
crit-alt = ALT (GPT)
crit-creatinine = Creatinina
crit-inr = INR
crit-albumin = Albúmina
crit-lvef = FEVI
crit-age = Edad
crit-lab-dates = Fecha de la analítica
crit-state-met = cumple
crit-state-not-met = NO CUMPLE
crit-state-not-entered = SIN DATO
crit-no-value = —
crit-age-years = { $n } años
crit-limit-uln = { $sign } { $limit } ({ $k } × LSN; LSN { $uln })
crit-limit-uln-missing = { $sign } { $k } × LSN (LSN no introducido)
crit-limit-lab-dates = { $days ->
    [one] en el día anterior a la ciclofosfamida
   *[other] en los { $days } días anteriores a la ciclofosfamida
}
crit-limit-creatinine = { $limit } u aclaramiento ≥ { $clearance } mL/min
crit-note-too-old = extraída { $days } días antes de la ciclofosfamida; máximo { $max }
crit-note-after-treatment = extraída después de la ciclofosfamida
crit-note-no-uln = introduzca el límite superior de la normalidad del centro
crit-note-gilbert = síndrome de Gilbert: 3 × LSN
crit-note-liver-metastases = metástasis hepáticas: 5 × LSN
crit-note-clearance = aclaramiento de creatinina (Cockcroft-Gault) { $clearance } mL/min, con el peso real { $weight }
crit-note-clearance-needs = superior a 1,5 × LSN o sin LSN: el aclaramiento necesita la fecha de nacimiento y el sexo
crit-note-no-treatment-date = sin día 1: no se puede comprobar la regla de los 7 días
crit-basis-chosen = Analítica valorada respecto a la fecha de la ciclofosfamida: { $date }.
crit-basis-window = Fecha de la ciclofosfamida no elegida: la analítica debe ser reciente para cualquier día del { $first } al { $last }.
crit-basis-none = Sin día 1: no se pueden valorar las fechas de la analítica.
cardiac-rule = no administrar si desciende { $fall } puntos o más respecto a la basal y queda por debajo del { $below }
cardiac-not-entered = FEVI no introducida: control cardiaco no hecho ({ $rule })
cardiac-no-baseline = última { $latest } el { $date }; sin FEVI basal registrada no se puede valorar el descenso: decide el prescriptor ({ $rule })
cardiac-given = basal { $baseline }, última { $latest } el { $date } (variación de { $fall } puntos): se pueden administrar trastuzumab y pertuzumab ({ $rule })
cardiac-withhold = basal { $baseline }, última { $latest } el { $date } (descenso de { $fall } puntos): NO ADMINISTRAR trastuzumab ni pertuzumab ({ $rule })
withheld-plain = suspendido en este ciclo
withheld-reason = FEVI { $latest } el { $date }, { $fall } puntos por debajo de la basal ({ $baseline }): no se administra (regla: descenso de { $points } puntos o más y por debajo del { $below })
withheld-large = NO ADMINISTRAR en este ciclo
withheld-next = repetir la FEVI en unas 3 semanas; si no mejora o sigue descendiendo, valorar la suspensión definitiva
infusion-over-range = de { $min } a { $max } min
infusion-basis-loading = dosis de carga
infusion-basis-maintenance = dosis de mantenimiento
infusion-basis-tolerated = buena tolerancia a la perfusión anterior
infusion-basis-not-tolerated = mala tolerancia a la perfusión anterior: como la dosis de carga
infusion-basis-not-recorded = tolerancia a la perfusión anterior no registrada: como la dosis de carga
infusion-rate = { $rate } mL/h (volumen de la bolsa { $volume } en { $minutes } min; sin sumar el volumen del fármaco)
infusion-rate-range = de { $fast } a { $slow } mL/h (volumen de la bolsa { $volume } en { $min } a { $max } min; sin sumar el volumen del fármaco)
infusion-rate-no-bag = velocidad: volumen de la bolsa no configurado
infusion-line = { $time } ({ $basis }) · { $rate }
observe-before-next = de { $min } a { $max } min tras finalizar cada perfusión de pertuzumab, antes de iniciar el trastuzumab si se administra después
observe-from-start = al menos { $hours } h desde el inicio de la primera perfusión
observe-minutes = { $minutes } min tras la perfusión (configuración del centro)
observe-per-site = tras las perfusiones siguientes: { $site }
l-sequence = Secuencia del día 1
sequence-day1 = pertuzumab y trastuzumab en bolsas separadas, uno tras otro y en cualquier orden; si el pertuzumab va primero, observar antes de iniciar el trastuzumab
l-premedication = Premedicación
l-antiemetic = Profilaxis antiemética
l-hydration = Hidratación
l-cardiac = Función cardiaca (FEVI)
l-administration = Administración
crit-overridden = se trata por decisión de { $by } el { $at } (desviación del protocolo): { $reason }
crit-summary-all-met = Se cumplen todos los criterios.
crit-summary-overridden = { $count ->
    [one] Todos los criterios se cumplen o están justificados (1 justificación, firmada abajo).
   *[other] Todos los criterios se cumplen o están justificados ({ $count } justificaciones, firmadas abajo).
}
crit-summary-open = { $count ->
    [one] 1 criterio no cumplido o sin dato: no hay hoja de prescripción sin la justificación del prescriptor.
   *[other] { $count } criterios no cumplidos o sin dato: no hay hoja de prescripción sin la justificación del prescriptor.
}
l-criteria = Criterios para tratar (ciclo 1)
crit-h-criterion = Criterio
crit-h-value = Valor
crit-h-limit = Requisito
crit-h-date = Fecha
crit-h-state = Resultado
l-withheld = No se administra
l-next-step = Siguiente paso
chosen-day = dosis única el { $day }
l-chosen-day = Día elegido
chosen-day-fill = NO ELEGIDO: farmacia escribe la fecha (día -5 a día -3) ________
l-infusion = Perfusión
l-observation = Observación
l-nk-product-id = Código del producto o del donante
l-nk-bag-id = Código de la bolsa
l-nk-released = Liberación o descongelación
nk-infuse-by = antes de las { $time } ({ $hours } h tras la liberación)
nk-infuse-within = en las { $hours } h siguientes a la liberación: { $fill }
l-nk-infuse-by = Infundir antes de
l-nk-route-set = Acceso venoso y equipo
s-identity-check = Verificación de identidad a pie de cama frente a la etiqueta de la bolsa: paciente { $name } · NHC { $record } · producto { $product } · bolsa { $bag }   ☐ verificado por ________________ y ________________
cli-site-settings-not-file = no es un archivo normal de 256 kB como máximo
cli-site-settings-unreadable = --site-settings "{ $path }" no se puede leer: { $detail }
cli-site-settings-invalid = --site-settings "{ $path }" no se puede usar: { $detail }
cli-repeated-override = --override para "{ $value }" indicado más de una vez
cli-bad-override = --override "{ $value }": escriba CÓDIGO=MOTIVO, el código del criterio y por qué se trata igualmente
cli-override-needs-issuer = --override se registra como del prescriptor: añada --issued-by NOMBRE
cli-criteria-hint = introduzca los resultados que faltan (--lab, --uln, --lvef, --dob, --sex) o, como prescriptor, --override CÓDIGO="motivo" para cada uno, con --issued-by NOMBRE
refuse-criteria-open = { $count ->
    [one] No se genera la hoja de prescripción: 1 criterio para tratar no se cumple o no tiene dato, y no tiene excepción.
   *[other] No se genera la hoja de prescripción: { $count } criterios para tratar no se cumplen o no tienen dato, y no tienen excepción.
}
bag-diluent-fill = { $diluent }, volumen de la bolsa { $fill }

fill-in-entry = NO CONSTA: copiar de la etiqueta de la bolsa ________________
g-not-answered = — sin responder —
g-yes = sí
g-no = no
g-date-time-hint = AAAA-MM-DD HH:MM
g-cyclo-bag = Bolsa de ciclofosfamida (mL)
g-cyclo-minutes = Perfusión de ciclofosfamida (min)
g-trastuzumab-observation = Observación tras el trastuzumab siguiente (min)
g-lvef-max-age = FEVI más antigua admitida (días)
g-days = días
g-nk-max-hours = Células NK: infusión como tarde tras la liberación (h)
g-heart = Función cardiaca (FEVI)
g-labs-hint = Valor con su unidad tal como lo informa el laboratorio (1,8 x10^9/L, 85 µmol/L) y fecha de extracción.
g-criteria-enter-first = Introduzca los criterios para tratar en el formulario (analítica, FEVI, sexo): después, cada uno que no se cumpla o no tenga dato necesitará aquí una justificación antes de que la hoja pueda salir.
g-uln-of = Límite superior de la normalidad de { $test }
g-lab-missing-value = { $test }: está la fecha pero no el valor; escriba el valor con su unidad.
g-lab-missing-date = { $test }: está el valor pero no la fecha de extracción.
g-accepted-lab = en su fila, el valor con su unidad (como 1,8 × 10⁹/L, 1500 células/µL, 85 µmol/L; el INR sin unidad) y la fecha de extracción, AAAA-MM-DD
g-accepted-uln = el límite superior de la normalidad del centro con su unidad, como 1,2 mg/dL o 40 U/L
g-value-unit = Valor y unidad
g-female = mujer
g-male = hombre
g-liver-metastases = Metástasis hepáticas documentadas (AST/ALT hasta 5 × LSN)
g-gilbert = Síndrome de Gilbert conocido (bilirrubina hasta 3 × LSN)
g-override-needs = La justificación es del prescriptor: escriba primero quién emite la orden y un motivo.
g-override-hint = por qué se trata igualmente
g-override = Justificar
infusion-basis-site = configuración del centro
register-connection = No se puede acceder al registro de órdenes en { $path } o no ha respondido a tiempo ({ $detail }): no se ha anotado nada en él. Compruebe la red y el servidor y vuelva a intentarlo.
register-login = El registro de órdenes en { $path } ha rechazado el acceso ({ $detail }): compruebe el usuario y la contraseña de la dirección del registro.
register-network-fs = El registro de órdenes { $path } está en un sistema de archivos de red ({ $fs }), donde el bloqueo de SQLite no es fiable: use un archivo local o el registro compartido PostgreSQL de la farmacia (postgres://…).
register-not-signed-in = Este registro debe firmarlo { $name }, que no ha iniciado sesión con su clave en este puesto: no se ha anotado nada en el registro de órdenes en { $path }. Inicie sesión y vuelva a intentarlo.
register-insecure = No se ha contactado con el registro de órdenes en { $path }: { $detail }. No se ha enviado nada (ni contraseña ni datos de pacientes).
field-subject = Número de sujeto del ensayo
    .gender = masculine
override-refused = { $why }: la justificación la da un prescriptor o el investigador principal; debe iniciar sesión, escribirla y pulsar Justificar.
cohort-lead-in = fase de seguridad inicial
cohort-expansion = expansión
next-start-none = Siguiente paciente ({ $cohort }): no hay paciente anterior en este registro: puede empezar ya.
next-start-expansion-recorded = El siguiente paciente ({ $cohort }) puede empezar a partir del { $earliest }: { $hours } h después de la última IL-2 de { $subject }, administrada el { $il2 } (registrada).
next-start-expansion-planned = El siguiente paciente ({ $cohort }) puede empezar a partir del { $earliest }: { $hours } h después del final del día 6 previsto de { $subject } ({ $il2 }); aún no consta la hora de administración.
next-start-lead-in = El siguiente paciente ({ $cohort }) puede empezar a partir del { $earliest }: tras la ventana de toxicidad de { $days } días de { $subject } ({ $previous }) desde el día 1 ({ $day1 }); si uno de los dos está en la fase de seguridad inicial se aplica esta ventana, no las 48 h.
cohort-not-recorded = cohorte no registrada
step-issued = Emitida
step-validated = Validación farmacéutica
step-prepared = Preparada (bolsas reintroducidas)
step-double-checked = Doble chequeo independiente
step-administered = Administrada
step-acknowledged = Aviso confirmado
step-override = Excepción
step-failed-login = Identificación fallida
role-administrator = administrador
role-investigator = investigador principal
role-prescriber = prescriptor
role-pharmacist = farmacéutico
role-technician = técnico
role-nurse = enfermería
signed-line = { $step }: { $name } ({ $role }), { $at }
signed-line-failed = { $step }: NO CONFORME, { $name } ({ $role }), { $at }
stagger-overridden = empieza antes del inicio permitido más temprano ({ $earliest }, tras { $subject }): EXCEPCIÓN de { $by } el { $at }: { $reason }
s-subject = Sujeto del ensayo
s-cohort = Cohorte
s-stagger = Regla de escalonamiento
s-signed-in-register = Firmado en el registro
cli-secret-file-bad = el archivo del secreto debe ser un archivo normal de 4 kB como máximo
cli-secret-missing = no hay secreto: indique --secret-file ARCHIVO o defina NKACT_DOSE_SECRET (nunca se toma de un argumento)
person-unknown = { $name } no es una persona activa de este registro
person-wrong-secret = el nombre o el secreto de { $name } no coinciden: se rechaza y el intento queda registrado
person-wrong-role = { $name } ({ $role }) no puede firmar este paso
person-same = { $name } ya emitió o comprobó esta orden: un chequeo independiente necesita otra persona
person-exists = { $name } ya es una persona de este registro
person-already-initialised = este registro ya tiene personas: register init se ejecuta una sola vez
person-no-people = este registro aún no tiene personas: ejecute `nkact-dose register init --admin NOMBRE --secret-file ARCHIVO`
person-weak-secret = una clave necesita al menos { $min } caracteres, no solo espacios, y debe ser difícil de adivinar (ni palabras comunes, nombres, fechas o secuencias solos): por ejemplo cuatro palabras sin relación, o una frase larga
person-looks-like = { $name } se ve igual que { $other }, que ya es una persona de este registro (letras de otros alfabetos, acentos o formas de ancho completo): elija un nombre que se lea distinto, por ejemplo con el segundo apellido
person-changed = Hecho: { $name }
register-initialised = Registro iniciado: { $name } es su administrador
register-no-people-note = nota: este registro no tiene personas: los nombres se escriben, no se firman; ejecute `nkact-dose register init` para firmar cada paso
cli-bad-since = --since: escriba una fecha AAAA-MM-DD
refuse-invalid-stored = la orden guardada ya no se puede calcular: ábrala en la ventana para ver por qué
register-root-key = Huella de la clave de firma de { $name }: { $fingerprint }. Guárdela fuera del registro (en papel, en el archivo del servicio de farmacia): `register verify` indica la clave de la que parten las firmas del registro.
chain-root = Las firmas parten de la clave del primer administrador del registro, huella { $fingerprint }: compárela con la que se guardó al iniciar el registro.
chain-unsigned = { $count } registros se hicieron antes de que existieran las firmas (sin firmar).
chain-head = Cabeza de la cadena: registro { $seq }, { $hash }.
against-holds = { $file }: el registro conserva la cadena que vio este archivo, hasta el registro { $seq }.
against-truncated = { $file }: el registro se ha RECORTADO: termina en el registro { $ends }, pero este archivo vio el registro { $seq }.
against-rewritten = { $file }: el registro se ha REESCRITO: el registro { $seq } no es el que vio este archivo.
against-bad-signature = { $file }: este punto de control NO está firmado por una clave que el registro dio de alta para la persona que nombra.
against-not-anchor = { $file }: no es un punto de control ni una hoja de este programa.
file-unreadable = No se puede leer { $file }: { $detail }
checkpoint-written = Punto de control escrito en { $path }: registro { $seq }, cabeza { $head }, firmado por { $name }. Guárdelo fuera del registro: `register verify --against` con este archivo muestra si desde entonces se han quitado o reescrito registros.
sheet-status-current = VIGENTE: esta hoja es la orden { $order } revisión { $revision }, anotada como registro { $seq }, y esa revisión es la última de la orden.
sheet-status-superseded = SUSTITUIDA: la orden { $order } revisión { $revision } (registro { $seq }) fue sustituida por la revisión { $by }. No utilice esta hoja.
sheet-status-reprint = REIMPRESIÓN: orden { $order } revisión { $revision }, anotada como reimpresión en el registro { $seq }; la revisión es la última de la orden.
sheet-status-never = NUNCA ANOTADA: el registro no tiene constancia de esta hoja (orden { $order } revisión { $revision }). No la utilice hasta que el servicio de farmacia confirme la orden.
sheet-status-changed = EL REGISTRO HA CAMBIADO DESPUÉS DE IMPRIMIR: { $list } ya no coinciden con lo que vio esta hoja o no superan su comprobación. No se fíe de esta hoja; avise al servicio de farmacia.
sheet-status-other = NO ES UNA HOJA DE ESTE REGISTRO: la orden { $order } se anotó en otro registro, o este registro fue sustituido.
scan-not-a-sheet = { $file } no es una hoja escrita por este programa (un PDF), ni una imagen PNG o JPEG de una.
scan-no-code = No se ha podido leer el código del sello en { $file }: vuelva a escanear la página, plana, a 300 ppp o más, con el código del pie de página a la vista.
scan-too-large = { $file } es demasiado grande para leerlo (más de 64 MB o de 80 millones de píxeles).
reprint-refused-broken = La entrada { $id } ya no coincide con su eslabón en la cadena del registro (se cambió fuera del programa): no se vuelve a imprimir. Ejecute `register verify` y avise al servicio de farmacia.
reprint-sign-in = Este registro conoce a personas: una reimpresión la firma quien la hace (--as NOMBRE --secret-file ARCHIVO).
entry-broken-mark = !! NO SUPERA LA COMPROBACIÓN DE LA CADENA: cambiada fuera del programa
chain-intact = Cadena del registro íntegra: { $count } registros comprobados.
chain-broken = Cadena del registro ROTA en el registro { $seq } ({ $table }): se cambió o eliminó fuera del programa ({ $count } registros comprobados).
cli-bad-cohort = --cohort: escriba lead-in o expansion
cli-bad-step = --step: escriba validated, prepared, double-checked o administered
cli-bad-administered = administered: indique --drug, --day y --at “AAAA-MM-DD HH:MM”
field-administered-at = Hora de administración
    .gender = feminine
error-nonexistent-local-time = { $label }: "{ $value }" no existe aquí: los relojes se saltan esa hora al pasar al horario de verano. Escriba la hora que marcaba el reloj.
error-ambiguous-local-time = { $label }: "{ $value }" ocurrió dos veces aquí: los relojes repiten esa hora al pasar al horario de invierno, y no se sabe cuál fue. Regístrela de nuevo después de las 03:00 o pregunte a la planta el momento exacto.
admin-unknown-drug = { $drug } no es un producto de este régimen: indique interleukin-2, cyclophosphamide, trastuzumab, pertuzumab o nk-cells.
admin-not-a-planned-day = { $drug } no se administra el día { $day } de esta orden: no se ha firmado nada.
admin-outside-planned-day = { $drug } del día { $day } estaba previsto el { $planned }: no se puede registrar para ese día una hora a más de { $tolerance ->
        [one] 1 día
       *[other] { $tolerance } días
    } de esa fecha. No se ha firmado nada.
admin-in-future = { $drug }: la hora indicada es posterior a ahora; registre la administración cuando haya ocurrido. No se ha firmado nada.
cli-no-such-entry = El registro no tiene la entrada { $id }: indique el número de entrada de `register list` o un identificador de orden.
cli-sign-no-such-order = El registro no tiene ninguna hoja de la orden { $order }, revisión { $revision }: compruebe el identificador de la orden y --revision. No se ha firmado nada.
signed = Firmado: { $step } de { $order } por { $name }
cli-bad-role = --role: administrator, investigator, prescriber, pharmacist, technician o nurse
cli-sign-with-as = este registro conoce a las personas: firme la orden con --as NOMBRE y su secreto (--secret-file ARCHIVO o NKACT_DOSE_SECRET)
cli-not-the-signer = { $option } nombra a otra persona que --as: quien firma emite y confirma
cli-trial-required = una orden del ciclo 1 en este registro indica el sujeto y la cohorte del ensayo: añada --subject ID --cohort lead-in|expansion
cli-stagger-refused = este paciente empezaría el { $start }, antes de lo que permite el ensayo. { $rule } Un investigador principal puede registrar --stagger-override “motivo”.
refuse-sign-in = No se genera la hoja de prescripción: este registro conoce a las personas; identifíquese primero con su nombre y su secreto.
refuse-too-early = No se genera la hoja de prescripción: este paciente empezaría el { $start }, antes de lo que permite el ensayo ({ $earliest }). Un investigador principal puede continuar escribiendo el motivo junto a este mensaje; queda firmado e impreso en la hoja.
g-signed-in-as = Identificado: { $name } ({ $role })
g-sign-out = Cerrar sesión
g-sign-in-title = Identifíquese para emitir:
g-sign-in-name = nombre
g-sign-in-secret = contraseña o PIN
g-sign-in = Identificarse
g-newer = Más recientes
g-older = Más antiguas
g-page = Página { $page }
g-verifier-secret = Contraseña o PIN de quien verifica
fill-in-datetime = día ____/____/______ a las ____:____ h (Farmacia, según la etiqueta del producto)
admin-none = Esta orden no administra nada: no procede premedicación, profilaxis antiemética ni hidratación
g-trial-required = Una orden del ciclo 1 en este registro indica el número de sujeto del ensayo y la cohorte: responda a ambos en el formulario.
g-stagger-override = Empezar antes (investigador principal), motivo:
person-line = { $name } · { $role }{ $state ->
    [disabled] {" "}(desactivada)
   *[active] {""}
}
refuse-stagger-unchecked = No se genera la hoja de prescripción: no se puede comprobar la regla de escalonamiento del ensayo. { $why }
## Rechazos del flujo de emisión (issue 19), para las dos caras.
refuse-person = No se genera la hoja de prescripción: { $why }.
refuse-override-unsigned = No se genera la hoja de prescripción: la excepción de { $code } consta a nombre de { $name }, que no se ha identificado para firmarla.
refuse-trial-required = No se genera la hoja de prescripción: una orden del ciclo 1 en este registro indica el número de sujeto del ensayo y la cohorte.
refuse-subject-clash = No se genera la hoja de prescripción: el sujeto { $subject } consta con el número de historia { $held }, no { $record }. Compruebe el número de sujeto y la paciente.
refuse-record-clash = No se genera la hoja de prescripción: el número de historia { $record } consta como sujeto { $held }, no { $subject }. Compruebe el número de sujeto y la paciente.
refuse-stale-stagger = No se genera la hoja de prescripción: la excepción a la regla de escalonamiento se dio frente al sujeto { $given }; la paciente anterior es ahora el sujeto { $now }. Hay que darla de nuevo.
refuse-register-needed = No se genera la hoja de prescripción: firmar requiere el registro de órdenes y no se puede usar ninguno.
refuse-register = No se genera la hoja de prescripción y no se anota nada: { $error }
not-recorded-removed = Se ha eliminado la hoja { $path }: el registro no ha podido anotarla.
not-recorded-printed = La hoja se ha impreso pero NO consta en el registro: retírela e imprímala de nuevo cuando se pueda acceder al registro.
g-register-checking = consultando el registro de órdenes…
g-register-unencrypted = Se accede al registro de órdenes por un enlace de red SIN CIFRAR (sslmode=disable): los datos de pacientes cruzan la red en claro. Pida a Informática TLS (verify-full).
g-col-revision = Revisión
g-revision = rev. { $n }
g-revision-superseded = rev. { $n } — sustituida
cli-sign-superseded = la revisión { $revision } de la orden { $order } fue sustituida por la revisión { $latest }: firme la revisión vigente (--revision { $latest })
person-locked = el acceso de { $name } queda bloqueado tras { $max } secretos erróneos seguidos: debe desbloquearlo un administrador (register people unlock NOMBRE)
person-last-admin = no se puede dar de baja a { $name }: no quedaría ningún administrador activo; añada antes otro
cli-new-secret-file = el nuevo secreto se lee de su propio archivo: añada --secret-file ARCHIVO (nunca de NKACT_DOSE_SECRET, que es el de quien firma)
cli-new-secret-prompt = Nueva clave para { $name } (no se muestra): 
cli-new-secret-again = La misma clave otra vez: 
cli-new-secret-differ = las dos claves escritas no coinciden: no se ha cambiado nada
chain-broken-more = { $n ->
    [one] Otro registro no coincide: { $list }
   *[other] Otros { $n } registros no coinciden (se listan los 50 primeros): { $list }
}
gs1-empty = el código del vial está vacío: vuelva a escanear el Data Matrix del envase, o escriba el lote y la caducidad
gs1-too-long = el escaneo es más largo que el código de cualquier envase: escanee un código cada vez
gs1-not-gs1 = el escaneo no empieza como el código GS1 de un envase (empieza { $start }): revise la distribución de teclado del lector y vuelva a escanear
gs1-bad-character = el carácter { $at } del escaneo ({ $found }) no puede estar en un código GS1: seguramente lo cambió la distribución de teclado del lector; configúrela como el teclado en uso y vuelva a escanear
gs1-unknown-ai = el código lleva un campo que este programa no lee ({ $ai }): escriba el lote y la caducidad a mano
gs1-truncated = el campo ({ $ai }) del código está incompleto: vuelva a escanear
gs1-check-digit = el dígito de control del código de producto es { $found } y debería ser { $expected }: el escaneo se leyó mal; vuelva a escanear
gs1-bad-expiry = la caducidad del código ({ $found }) no es una fecha: vuelva a escanear, o escriba el lote y la caducidad
gs1-too-long-field = el campo ({ $ai }) del código es más largo de lo que permite GS1: vuelva a escanear
gs1-repeated = el código lleva dos veces el campo ({ $ai }): vuelva a escanear
gs1-lost-separator = falta el campo ({ $ai }) del código y otro campo parece continuar en él: el lector perdió un separador (GS). Configure el lector para enviar GS, o escriba el lote y la caducidad
gs1-missing = el código no lleva el campo ({ $ai }) (el de un envase lleva producto, caducidad y lote): escriba el lote y la caducidad a mano
gs1-expired = este lote caducó el { $expiry }, antes de la elaboración: use otro vial
gs1-bad-lot = el lote debe tener de 1 a 20 letras, cifras o signos de GS1

## Issue 21: el producto tras la emisión
step-labelled = Etiquetas impresas
step-received = Producto NK recibido
unit-bag = Bolsa { $n } de { $of }
unit-syringe = Jeringa { $n } de { $of }
unit-window = una vez, entre { $first } y { $last }
storage-refrigerated = Conservar entre 2 y 8 °C (nevera)
storage-room = Conservar a temperatura ambiente (no más de 30 °C)
bag-code-empty = el código de la bolsa está vacío: escanee el código de la etiqueta de la bolsa
bag-code-not = no es una etiqueta de bolsa de este programa: escanee el código cuadrado de la etiqueta de farmacia
bag-code-damaged = el código de la bolsa no pasa su control (mal leído o alterado): vuelva a escanearlo; si falla otra vez, no administre la bolsa y llame a farmacia
measure-unreadable = no se entiende el valor medido { $value }: escríbalo como «26,8 mL» o, si se pesa, «27,3 g»
measure-no-density = farmacia no ha fijado la densidad de { $drug }: escriba el volumen medido en mL, no una masa
measure-no-target = esta preparación no tiene un volumen con el que comparar
receipt-order-names-none = la orden no indica el producto NK ni la bolsa: el prescriptor debe emitir una revisión con los identificadores antes de recibir el producto. No se ha firmado nada.
receipt-other-product = el producto recibido es { $got } y el de la orden es { $want }: no lo acepte; llame a la unidad de terapia celular. No se ha firmado nada.
receipt-other-bag = la bolsa recibida es { $got } y la de la orden es { $want }: no la acepte; llame a la unidad de terapia celular. No se ha firmado nada.
receipt-missing = el estado a la llegada ({ $field }) está vacío: escriba lo observado. No se ha firmado nada.
receipt-future = la hora de liberación o descongelación es posterior a ahora. No se ha firmado nada.
bedside-unknown-code = NO ADMINISTRAR: el código escaneado { $code } no es una etiqueta de esta orden ni su bolsa de células NK. Compruebe que tiene la bolsa correcta.
bedside-damaged = NO ADMINISTRAR: el código de la bolsa no pasa su control (mal leído o alterado). Vuelva a escanear; si falla otra vez, llame a farmacia.
bedside-wrong-patient = NO ADMINISTRAR: la pulsera { $wristband } no es de la paciente de esta orden (historia { $record }). Compruebe la identidad de la paciente.
bedside-another-patient = NO ADMINISTRAR: esta bolsa es de otra paciente (historia { $bag }), no de la paciente con la pulsera { $wristband }.
bedside-another-order = NO ADMINISTRAR: esta bolsa es de otra orden de esta paciente ({ $order }). Use la bolsa de esta orden.
bedside-superseded = NO ADMINISTRAR: esta bolsa se preparó para la revisión { $revision } de la orden; la revisión { $latest } la sustituyó. Llame a farmacia.
bedside-withheld = NO ADMINISTRAR: { $drug } está suspendido en la revisión vigente de esta orden. Llame al prescriptor.
bedside-not-labelled = NO ADMINISTRAR: el registro no tiene ninguna etiqueta impresa de la bolsa { $bag } de esta orden. Llame a farmacia.
bedside-already-given = NO ADMINISTRAR: esta bolsa ya se administró el { $at } ({ $by }).
bedside-not-received = NO ADMINISTRAR: la recepción del producto NK no está firmada en el registro. Farmacia o la unidad de terapia celular deben recibirlo antes.
bedside-past-beyond-use = Esta bolsa caducó el { $until } (fecha y hora límite de uso).
bedside-past-infuse-by = Las células NK debían infundirse antes del { $by }.
bedside-infuse-by-unknown = No se conoce la hora límite de infusión del producto NK: farmacia no ha fijado sus horas tras la liberación o descongelación.
bedside-il2-before-nk = La IL-2 del día 2 se administra después de las células NK, y su infusión aún no está registrada.
bedside-il2-too-late = La IL-2 del día 2 debe seguir a la infusión de NK (administrada el { $nk }) en un máximo de { $hours } horas.
bedside-override-needs = No se ha administrado. Para administrarla igualmente, un prescriptor debe autorizarlo con un motivo.
ws-title = Hoja de elaboración
ws-strip = { $name } · historia { $record } · ciclo { $cycle } · SC { $bsa } · peso { $weight }
ws-nothing = Esta orden no tiene ninguna dosis que preparar.
ws-day = Día
ws-route = Vía
ws-stock = Concentración
ws-vials = Viales
ws-draw = Volumen a cargar
ws-draw-diluted = { $volume } del producto diluido a { $concentration }
ws-diluent = Diluyente y bolsa
ws-syringe = jeringa, sin diluir
ws-final = Volumen final
ws-final-syringe = { $volume } (jeringa)
ws-final-site = según el manual del centro
ws-infusion = Infusión
ws-infusion-line = { $minutes } min a { $rate } mL/h
ws-infusion-minutes = { $minutes } min
ws-beyond = Caducidad
ws-beyond-hours = { $hours } h tras la elaboración; { $storage } ({ $source })
ws-beyond-none = a completar por farmacia (no se pudo leer ninguna fuente: es un ajuste del centro); { $storage }
ws-lots = Viales usados
ws-lot-blank = lote ______________   caducidad ____________
ws-lot-line = lote { $lot }, caducidad { $expiry } (GTIN { $gtin })
ws-measured = Medido
ws-measured-blank = ____________ mL o g (objetivo { $target }, tolerancia ± { $tolerance } %)
ws-measured-line = { $value } = { $volume } frente a { $target }: { $deviation } % { $verdict }
ws-within = dentro de ± { $tolerance } %
ws-outside = FUERA de ± { $tolerance } %: no dispensar; volver a preparar
ws-preparer = Elaborado por
ws-checker = Comprobado por
ws-signature-blank = ______________________ el ____________
ws-signed = { $name }, { $at }
ws-footer = { $program } { $version } · hoja impresa el { $at } · contenido de la orden { $fingerprint }
lb-title = Etiquetas de bolsa
lb-record = Historia { $record }
lb-contents-bag = { $volume } de fármaco en { $bag }; volumen final { $final }
lb-contents-syringe = { $volume } en la jeringa
lb-infusion = Infundir en { $line }
lb-prepared = Elaborado el { $at }
lb-beyond = USAR ANTES DEL { $at }
lb-beyond-none = CADUCIDAD: a completar por farmacia ______________
lb-order = Orden { $order } rev. { $revision } · { $unit }
cli-no-such-bag = esta orden no tiene la bolsa o jeringa { $bag } (tiene { $count }): el número es el de la hoja de elaboración y la etiqueta
measure-outside = lo medido ({ $value }) se desvía un { $deviation } % del objetivo { $target }, fuera de ± { $tolerance } %: vuelva a prepararla, o registre esta elaboración como fallida (--failed). No se ha firmado nada.
cli-product-sign-in = este registro conoce personas: indique quién firma «{ $step }» con --as NOMBRE (y la clave en --secret-file o NKACT_DOSE_SECRET)
cli-product-needs-people = este paso lo firma una persona: el registro debe conocer personas (register init)
labels-done = { $count } etiquetas de la orden { $order } rev. { $revision }.
labels-not-recorded = Este registro no conoce personas: las etiquetas no se han registrado, y la comprobación a pie de cama las rechazará.
received-infuse-by = Producto NK { $product } recibido y firmado. Infundir antes del { $by }.
received-infuse-by-unknown = Producto NK { $product } recibido y firmado. No se conoce la hora límite de infusión: farmacia no ha fijado las horas tras la liberación o descongelación (la comprobación a pie de cama pedirá la autorización de un prescriptor).
cli-override-reason-empty = el motivo de la autorización está vacío: escriba por qué se administra igualmente
nk-cells-name = células NK
administered-ok = Comprobado a pie de cama y firmado: { $drug }, día { $day }, por { $name }.
administered-overridden = Autorizado por el prescriptor: { $what }
cli-trace-empty = el lote a rastrear está vacío
trace-lot-none = Ninguna bolsa de este registro recibió el lote { $lot }.
trace-lot-line = lote { $lot } · { $patient } (historia { $record }) · orden { $order } rev. { $revision } · bolsa { $bag } ({ $drug }) · elaborada el { $prepared } por { $by } · administrada: { $given }
trace-not-given = todavía no
trace-nk-none = Este registro no tiene ninguna recepción del producto NK { $product }.
trace-nk-head = Producto NK { $product }, bolsa { $bag } · { $patient } (historia { $record }) · orden { $order }
trace-failed = fallido
overrides-none = No se ha dado ninguna autorización en este registro.
paper-written = Escrito en { $path }
stability-smpc = ficha técnica de { $product }, §6.3
stability-site = validación aséptica del centro
labels-unrecorded = Las etiquetas no se han registrado ({ $why }): destrúyalas; la comprobación a pie de cama rechaza una etiqueta que el registro no tiene.
g-labels-sign-in = Identifíquese primero: las etiquetas se firman como impresas por la persona identificada.
g-adm-title = Administración: la comprobación a pie de cama
g-adm-help = Escanee la pulsera de la paciente y después la etiqueta de la bolsa (o escríbalas). El programa comprueba ambas frente a la orden antes de firmar la administración.
g-adm-open = Administración…
g-adm-order = ID de la orden
g-adm-wristband = Pulsera (número de historia)
g-adm-bag = Código de la etiqueta de la bolsa
g-adm-scan-hint = escanee aquí
g-adm-at = Administrada el
g-adm-at-hint = vacío: ahora (AAAA-MM-DD HH:MM)
g-adm-nurse = Enfermera/o
g-adm-nurse-secret = Clave de la enfermera/o
g-adm-override-title = Autorización de un prescriptor (el motivo es obligatorio)
g-adm-reason = Motivo
g-adm-prescriber = Prescriptor
g-adm-prescriber-secret = Clave del prescriptor
g-adm-submit = Comprobar y firmar la administración
g-adm-missing = { $field } está vacío: escanéelo o escríbalo
g-adm-override-incomplete = Una autorización necesita un motivo y el prescriptor que la da.
g-labels = Etiquetas
g-worksheet = Hoja de elaboración
g-administer = Administrar
lb-contents-bag-site = { $volume } de fármaco; diluyente, bolsa y volumen final según el manual del centro: ______
ws-too-small = por debajo del mínimo medible ({ $min }): mida según el procedimiento del centro para volúmenes pequeños y anote lo medido
step-qualified = Cualificación firmada
st-title = Cualificación operacional de nkact-dose
st-header = { $program } { $version } · ejecutada el { $date } · puesto { $workstation }
st-binary = SHA-256 del ejecutable: { $sha }
st-pass = CORRECTO  { $id }: { $got } ({ $source })
st-fail = FALLO  { $id }: se esperaba { $expected }, se obtuvo { $got } ({ $source })
st-no-register = En este puesto no hay configurado ningún registro de órdenes (--register o NKACT_DOSE_REGISTER): no se ha comprobado.
st-all-passed = Las { $count } comprobaciones son correctas.
st-failed = { $failed } de { $count } comprobaciones han FALLADO: no use este puesto para el ensayo hasta que sean correctas.
st-signed = Firmado en el registro por { $name } (registro { $record }); SHA-256 de los resultados { $sha }.
st-bad-cases = no se puede usar el conjunto de casos { $file }: { $why }
g-set-by-pharmacy = fijado por farmacia
g-policy-invalid = No se puede usar el archivo de ajustes de farmacia { $path } ({ $why }): no hay nada bloqueado; avise a farmacia o a informática.
