package xref_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/chancery-dev/chancery/internal/build"
	"github.com/chancery-dev/chancery/internal/model"
)

// A phrase is a clause text with a reference or a field, as a drafter
// writes it, and the whole sentence as it must read once resolved ("~"
// marks a no-break space). at is where the clause stands: "front" (a
// section before the cited units, which are then "below") or "back" (a
// section after them: "above").
type phrase struct {
	at, text, want string
}

// The cited units of the phrase documents. Two numberings:
//
//	decimal:  sections 1: front, 2: areas, 3: reports, 4: back;
//	          2.1 (areas.list) with items i. ii. iii. (a, b, c), 2.2;
//	          3.1 (reports.annual).
//	articles: the same units as articles 1 to 4 whose paragraphs are
//	          numbered 1, 2 within each article, items a) b) c): a
//	          paragraph is cited with its article ("пункт 1 статьи 2").
const articlesNumbering = `numbering:
  schemes:
    article: {label: "{n}.", ref: "{n}", term: article}
    para: {label: "{n}.", ref: "{n}", term: paragraph}
    item: {label: "{n:a})", term: subparagraph}
  levels: [article, para, item]
`

// phraseProject writes a one-language document id with the rows as the
// paragraphs of its first section (at "front") and last (at "back"), and
// returns the ids of the rows' paragraphs.
func phraseProject(files fstest.MapFS, id, tag, numbering string, rows []phrase) []string {
	fill := map[string]string{"en": "Text.", "ru": "Текст.", "kk": "Мәтін."}[tag]
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	text := func(s string) string { return "{" + tag + ": " + q(s) + "}" }
	var ids []string
	section := func(name string, at string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "section: %s\nheading: %s\nparagraphs:\n", name, text(name))
		n := 0
		for i, r := range rows {
			if r.at == at {
				n++
				rid := fmt.Sprintf("row%d", i)
				ids = append(ids, rid)
				fmt.Fprintf(&b, "  - id: %s\n    text: %s\n", rid, text(r.text))
			}
		}
		if n == 0 {
			fmt.Fprintf(&b, "  - id: %s.only\n    text: %s\n", name, text(fill))
		}
		return b.String()
	}
	dir := "clauses/" + id + "/"
	files[dir+"document.yaml"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
		"id: %s\nlanguages: [%s]\ntitle:\n  - %s\nfinal: {originals: 2}\n%sparts: [front.yaml, areas.yaml, reports.yaml, back.yaml]\n",
		id, tag, text("TITLE"), numbering))}
	files[dir+"front.yaml"] = &fstest.MapFile{Data: []byte(section("front", "front"))}
	files[dir+"areas.yaml"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
		"section: areas\nheading: %[1]s\nparagraphs:\n  - id: areas.list\n    text: %[1]s\n    items:\n"+
			"      - {id: areas.list.a, text: %[1]s}\n      - {id: areas.list.b, text: %[1]s}\n      - {id: areas.list.c, text: %[1]s}\n"+
			"  - id: areas.more\n    text: %[1]s\n", text(fill)))}
	files[dir+"reports.yaml"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
		"section: reports\nheading: %[1]s\nparagraphs:\n  - id: reports.annual\n    text: %[1]s\n", text(fill)))}
	files[dir+"back.yaml"] = &fstest.MapFile{Data: []byte(section("back", "back"))}
	return ids
}

// checkPhrases builds documents of the rows in each numbering and
// compares every resolved sentence with the row's want.
func checkPhrases(t *testing.T, tag string, byNumbering map[string][]phrase) {
	t.Helper()
	files := fstest.MapFS{}
	rowIDs := map[string][]string{}
	for kind, rows := range byNumbering {
		numbering := ""
		if kind == "articles" {
			numbering = articlesNumbering
		}
		rowIDs[kind] = phraseProject(files, kind+"-"+tag, tag, numbering, rows)
	}
	res, diags := build.Assemble(files, build.Options{})
	if diags.HasErrors() {
		t.Fatalf("diagnostics:\n%v", diags)
	}
	for kind, rows := range byNumbering {
		doc := res.Project.Document(kind + "-" + tag)
		got := map[string]string{}
		doc.Walk(func(u *model.Unit) {
			if loc := u.Text[tag]; loc != nil {
				got[u.ID] = model.PlainText(loc.Runs)
			}
		})
		// The rows were written front first, then back.
		var ordered []phrase
		for _, at := range []string{"front", "back"} {
			for _, r := range rows {
				if r.at == at {
					ordered = append(ordered, r)
				}
			}
		}
		for i, r := range ordered {
			// Rows are numbered in the order of the table.
			id := rowIDs[kind][i]
			if want := tie(r.want); got[id] != want {
				t.Errorf("%s %s: %q\n got %q\nwant %q", kind, tag, r.text, got[id], want)
			}
		}
	}
}

// TestRussianPhrases: whole sentences citing sections, decimal units and
// items, directly and inside their container, in every case; with "выше"
// and "ниже" after the reference; several items of one container; the
// document's languages and number of originals in every case.
func TestRussianPhrases(t *testing.T) {
	checkPhrases(t, "ru", map[string][]phrase{
		"decimal": {
			// A section: every decimal unit is a пункт.
			{"back", "{ref:areas|cap} не затрагивает прав Сторон.", "Пункт~2 не затрагивает прав Сторон."},
			{"back", "Положения {ref:areas|gen} применяются.", "Положения пункта~2 применяются."},
			{"back", "Согласно {ref:areas|dat} Стороны сотрудничают.", "Согласно пункту~2 Стороны сотрудничают."},
			{"back", "Стороны вносят изменения в {ref:areas|acc}.", "Стороны вносят изменения в пункт~2."},
			{"back", "В соответствии с {ref:areas|ins} Стороны сотрудничают.", "В соответствии с пунктом~2 Стороны сотрудничают."},
			{"back", "Как указано в {ref:areas|pre}.", "Как указано в пункте~2."},
			// A decimal unit 2.1: a пункт too, never a подпункт.
			{"back", "{ref:areas.list|cap} не применяется.", "Пункт~2.1 не применяется."},
			{"back", "Положения {ref:areas.list|gen} применяются.", "Положения пункта~2.1 применяются."},
			{"back", "Согласно {ref:areas.list|dat} Стороны сотрудничают.", "Согласно пункту~2.1 Стороны сотрудничают."},
			{"back", "Стороны вносят изменения в {ref:areas.list|acc}.", "Стороны вносят изменения в пункт~2.1."},
			{"back", "В соответствии с {ref:areas.list|ins} Стороны сотрудничают.", "В соответствии с пунктом~2.1 Стороны сотрудничают."},
			{"back", "Как указано в {ref:areas.list|pre}.", "Как указано в пункте~2.1."},
			// An item, inside its пункт.
			{"back", "{ref:areas.list.b|cap} не применяется.", "Подпункт~ii. пункта~2.1 не применяется."},
			{"back", "Положения {ref:areas.list.b|gen} применяются.", "Положения подпункта~ii. пункта~2.1 применяются."},
			{"back", "Согласно {ref:areas.list.b|dat} Стороны сотрудничают.", "Согласно подпункту~ii. пункта~2.1 Стороны сотрудничают."},
			{"back", "Стороны вносят изменения в {ref:areas.list.b|acc} ежегодно.", "Стороны вносят изменения в подпункт~ii. пункта~2.1 ежегодно."},
			{"back", "В соответствии с {ref:areas.list.b|ins} Стороны сотрудничают.", "В соответствии с подпунктом~ii. пункта~2.1 Стороны сотрудничают."},
			{"back", "Как указано в {ref:areas.list.b|pre} и далее.", "Как указано в подпункте~ii. пункта~2.1 и далее."},
			// "выше" / "ниже" after the reference.
			{"back", "Как указано в {ref:areas|pre,rel}.", "Как указано в пункте~2 выше."},
			{"back", "Согласно {ref:areas.list.b|dat,rel} Стороны сотрудничают.", "Согласно подпункту~ii. пункта~2.1 выше Стороны сотрудничают."},
			{"front", "Как указано в {ref:reports|pre,rel}.", "Как указано в пункте~3 ниже."},
			{"front", "Положения {ref:areas.list|gen,rel} применяются.", "Положения пункта~2.1 ниже применяются."},
			// Several units: of one section level, and items of one пункт.
			{"back", "Согласно {ref:areas,reports|dat} Стороны сотрудничают.", "Согласно пунктам~2 и 3 Стороны сотрудничают."},
			{"back", "Как указано в {ref:areas.list.b,areas.list.c|pre} и далее.", "Как указано в подпунктах~ii. и iii. пункта~2.1 и далее."},
			{"back", "Положения {ref:areas.list.a,areas.list.b,areas.list.c|gen} применяются.", "Положения подпунктов~i., ii. и iii. пункта~2.1 применяются."},
			{"back", "Согласно {ref:areas.list.b,areas.list.c|dat,rel} Стороны сотрудничают.", "Согласно подпунктам~ii. и iii. пункта~2.1 выше Стороны сотрудничают."},
			{"back", "Положения {ref:areas,reports|gen} применяются.", "Положения пунктов~2 и 3 применяются."},
			{"back", "Как указано в {ref:areas,reports|pre,rel}.", "Как указано в пунктах~2 и 3 выше."},
			{"front", "{ref:areas.list.b,areas.list.c|cap,rel} применяются.", "Подпункты~ii. и iii. пункта~2.1 ниже применяются."},
			// The originals, in every case.
			{"back", "Совершено в {originals|pre} подлинных экземплярах.", "Совершено в двух подлинных экземплярах."},
			{"back", "Число экземпляров: {originals}.", "Число экземпляров: два."},
			{"back", "Подписание {originals|gen} экземпляров.", "Подписание двух экземпляров."},
			{"back", "По {originals|dat} экземплярам.", "По двум экземплярам."},
			{"back", "Стороны подписали {originals|acc} экземпляра.", "Стороны подписали два экземпляра."},
			{"back", "Подписано {originals|ins} экземплярами.", "Подписано двумя экземплярами."},
			// The languages (here one): the name of the language in case.
			{"back", "На {languages|pre} языке.", "На русском языке."},
			{"back", "Текст на {languages|pre} языке и {languages|gen} текста.", "Текст на русском языке и русского текста."},
		},
		"articles": {
			// An article, in every case.
			{"back", "{ref:areas|cap} не затрагивает прав Сторон.", "Статья~2 не затрагивает прав Сторон."},
			{"back", "Положения {ref:areas|gen} применяются.", "Положения статьи~2 применяются."},
			{"back", "Согласно {ref:areas|dat} Стороны сотрудничают.", "Согласно статье~2 Стороны сотрудничают."},
			{"back", "Стороны вносят изменения в {ref:areas|acc}.", "Стороны вносят изменения в статью~2."},
			{"back", "В соответствии со {ref:areas|ins} Стороны сотрудничают.", "В соответствии со статьей~2 Стороны сотрудничают."},
			// A paragraph is cited with its article, an item with both.
			{"back", "{ref:areas.list|cap} не применяется.", "Пункт~1 статьи~2 не применяется."},
			{"back", "Положения {ref:areas.list|gen} применяются.", "Положения пункта~1 статьи~2 применяются."},
			{"back", "Согласно {ref:areas.list|dat} Стороны сотрудничают.", "Согласно пункту~1 статьи~2 Стороны сотрудничают."},
			{"back", "Стороны вносят изменения в {ref:areas.list|acc}.", "Стороны вносят изменения в пункт~1 статьи~2."},
			{"back", "В соответствии с {ref:areas.list|ins} Стороны сотрудничают.", "В соответствии с пунктом~1 статьи~2 Стороны сотрудничают."},
			{"back", "Как указано в {ref:areas.list|pre}.", "Как указано в пункте~1 статьи~2."},
			{"back", "Как указано в {ref:areas|pre,rel}.", "Как указано в статье~2 выше."},
			{"back", "Как указано в {ref:areas.list.b|pre} и далее.", "Как указано в подпункте~b) пункта~1 статьи~2 и далее."},
			{"back", "Положения {ref:areas.list.b|gen} применяются.", "Положения подпункта~b) пункта~1 статьи~2 применяются."},
			{"front", "Согласно {ref:areas.list|dat,rel} Стороны сотрудничают.", "Согласно пункту~1 статьи~2 ниже Стороны сотрудничают."},
			{"front", "Как указано в {ref:areas.list.b,areas.list.c|pre,rel} и далее.", "Как указано в подпунктах~b) и c) пункта~1 статьи~2 ниже и далее."},
		},
	})
}

// TestKazakhPhrases: the same for Kazakh, head-final: "жоғарыдағы" /
// "төмендегі" (and "жоғарыда көрсетілген" before a genitive) stand before
// the reference; the languages are attributive to тіл.
func TestKazakhPhrases(t *testing.T) {
	checkPhrases(t, "kk", map[string][]phrase{
		"decimal": {
			// A section: every decimal unit is a тармақ.
			{"back", "{ref:areas} Тараптардың құқықтарын қозғамайды.", "2-тармақ Тараптардың құқықтарын қозғамайды."},
			{"back", "{ref:areas|gen} ережелері қолданылады.", "2-тармақтың ережелері қолданылады."},
			{"back", "Тараптар {ref:areas|dat} сәйкес ынтымақтасады.", "Тараптар 2-тармаққа сәйкес ынтымақтасады."},
			{"back", "Тараптар {ref:areas|acc} өзгерте алады.", "Тараптар 2-тармақты өзгерте алады."},
			{"back", "{ref:areas|loc} көзделген шаралар.", "2-тармақта көзделген шаралар."},
			{"back", "{ref:areas|abl} басқа ережелер.", "2-тармақтан басқа ережелер."},
			{"back", "{ref:areas|ins} бірге қолданылады.", "2-тармақпен бірге қолданылады."},
			{"back", "{ref:areas|attr} міндеттемелер.", "2-тармақтағы міндеттемелер."},
			// A decimal unit 2.1: a тармақ too, never a тармақша.
			{"back", "{ref:areas.list} қолданылмайды.", "2.1-тармақ қолданылмайды."},
			{"back", "{ref:areas.list|gen} ережелері қолданылады.", "2.1-тармақтың ережелері қолданылады."},
			{"back", "Тараптар {ref:areas.list|dat} сәйкес ынтымақтасады.", "Тараптар 2.1-тармаққа сәйкес ынтымақтасады."},
			{"back", "Тараптар {ref:areas.list|acc} өзгерте алады.", "Тараптар 2.1-тармақты өзгерте алады."},
			{"back", "{ref:areas.list|loc} көзделген шаралар.", "2.1-тармақта көзделген шаралар."},
			{"back", "{ref:areas.list|abl} басқа ережелер.", "2.1-тармақтан басқа ережелер."},
			{"back", "{ref:areas.list|ins} бірге қолданылады.", "2.1-тармақпен бірге қолданылады."},
			{"back", "{ref:areas.list|attr} міндеттемелер.", "2.1-тармақтағы міндеттемелер."},
			{"back", "Келісімнің {ref:areas.list|dat,poss} сәйкес.", "Келісімнің 2.1-тармағына сәйкес."},
			// An item, in its тармақ (a possessive chain).
			{"back", "{ref:areas.list.b} қолданылмайды.", "2.1-тармақтың~ii.~тармақшасы қолданылмайды."},
			{"back", "{ref:areas.list.b|gen} ережелері қолданылады.", "2.1-тармақтың~ii.~тармақшасының ережелері қолданылады."},
			{"back", "Тараптар {ref:areas.list.b|dat} сәйкес ынтымақтасады.", "Тараптар 2.1-тармақтың~ii.~тармақшасына сәйкес ынтымақтасады."},
			{"back", "Тараптар {ref:areas.list.b|acc} өзгерте алады.", "Тараптар 2.1-тармақтың~ii.~тармақшасын өзгерте алады."},
			{"back", "{ref:areas.list.b|loc} көзделген шаралар.", "2.1-тармақтың~ii.~тармақшасында көзделген шаралар."},
			{"back", "{ref:areas.list.b|abl} басқа ережелер.", "2.1-тармақтың~ii.~тармақшасынан басқа ережелер."},
			{"back", "{ref:areas.list.b|ins} бірге қолданылады.", "2.1-тармақтың~ii.~тармақшасымен бірге қолданылады."},
			{"back", "{ref:areas.list.b|attr} міндеттемелер.", "2.1-тармақтың~ii.~тармақшасындағы міндеттемелер."},
			{"back", "Келісімнің {ref:areas.list.b|loc,poss} көзделген.", "Келісімнің 2.1-тармағының~ii.~тармақшасында көзделген."},
			// "жоғарыдағы" / "төмендегі" before the reference.
			{"back", "Тараптар {ref:areas|dat,rel} сәйкес ынтымақтасады.", "Тараптар жоғарыдағы 2-тармаққа сәйкес ынтымақтасады."},
			{"back", "{ref:areas|dat,rel,cap} сәйкес Тараптар ынтымақтасады.", "Жоғарыдағы 2-тармаққа сәйкес Тараптар ынтымақтасады."},
			{"back", "{ref:areas.list|gen,rel,cap} ережелері қолданылады.", "Жоғарыда көрсетілген 2.1-тармақтың ережелері қолданылады."},
			{"back", "{ref:areas.list.b|loc,rel} көзделген шаралар.", "жоғарыдағы 2.1-тармақтың~ii.~тармақшасында көзделген шаралар."},
			{"front", "Бұл {ref:reports|loc,rel} көзделген.", "Бұл төмендегі 3-тармақта көзделген."},
			{"front", "{ref:areas.list|gen,rel} ережелері қолданылады.", "төменде көрсетілген 2.1-тармақтың ережелері қолданылады."},
			{"back", "{ref:areas.list.b|gen,rel} ережелері қолданылады.", "жоғарыда көрсетілген 2.1-тармақтың~ii.~тармақшасының ережелері қолданылады."},
			{"front", "Тараптар {ref:areas.list.b|acc,rel} өзгерте алады.", "Тараптар төмендегі 2.1-тармақтың~ii.~тармақшасын өзгерте алады."},
			{"back", "Келісімнің {ref:areas.list|dat,poss,rel} сәйкес.", "Келісімнің жоғарыдағы 2.1-тармағына сәйкес."},
			// Several units: sections, and items of one тармақ.
			{"back", "Тараптар {ref:areas,reports|dat} сәйкес ынтымақтасады.", "Тараптар 2 және 3-тармақтарға сәйкес ынтымақтасады."},
			{"back", "{ref:areas.list.b,areas.list.c|loc} көзделген шаралар.", "2.1-тармақтың~ii. және iii.~тармақшаларында көзделген шаралар."},
			{"back", "{ref:areas.list.a,areas.list.b,areas.list.c|gen} ережелері.", "2.1-тармақтың~i., ii. және iii.~тармақшаларының ережелері."},
			{"back", "Тараптар {ref:areas.list.b,areas.list.c|dat,rel} сәйкес.", "Тараптар жоғарыдағы 2.1-тармақтың~ii. және iii.~тармақшаларына сәйкес."},
			{"back", "{ref:areas,reports|gen} ережелері.", "2 және 3-тармақтардың ережелері."},
			{"front", "{ref:areas,reports|loc,rel} көзделген.", "төмендегі 2 және 3-тармақтарда көзделген."},
			// The originals: a number word stays in the nominative before
			// its noun; the cases it takes elsewhere.
			{"back", "{originals} түпнұсқа данада жасалды.", "екі түпнұсқа данада жасалды."},
			{"back", "Даналар саны {originals|dat} тең.", "Даналар саны екіге тең."},
			{"back", "Даналар саны {originals|abl} кем емес.", "Даналар саны екіден кем емес."},
			{"back", "Даналар саны {originals|ins} шектеледі.", "Даналар саны екімен шектеледі."},
			// The languages: тіл takes the case, the name stays as it is.
			{"back", "{languages} мәтіні.", "қазақ тілі мәтіні."},
			{"back", "{languages|gen} мәтіні.", "қазақ тілінің мәтіні."},
			{"back", "{languages|loc} жасалды.", "қазақ тілінде жасалды."},
		},
		"articles": {
			// An article, in every case.
			{"back", "{ref:areas} Тараптардың құқықтарын қозғамайды.", "2-бап Тараптардың құқықтарын қозғамайды."},
			{"back", "{ref:areas|gen} ережелері қолданылады.", "2-баптың ережелері қолданылады."},
			{"back", "Тараптар {ref:areas|dat} сәйкес ынтымақтасады.", "Тараптар 2-бапқа сәйкес ынтымақтасады."},
			{"back", "Тараптар {ref:areas|acc} өзгерте алады.", "Тараптар 2-бапты өзгерте алады."},
			{"back", "{ref:areas|loc} көзделген шаралар.", "2-бапта көзделген шаралар."},
			{"back", "{ref:areas|abl} басқа ережелер.", "2-баптан басқа ережелер."},
			{"back", "{ref:areas|ins} бірге қолданылады.", "2-баппен бірге қолданылады."},
			{"back", "{ref:areas|attr} міндеттемелер.", "2-баптағы міндеттемелер."},
			// A paragraph is cited with its article, an item with both.
			{"back", "{ref:areas.list} қолданылмайды.", "2-баптың~1-тармағы қолданылмайды."},
			{"back", "{ref:areas.list|gen} ережелері қолданылады.", "2-баптың~1-тармағының ережелері қолданылады."},
			{"back", "Тараптар {ref:areas.list|dat} сәйкес ынтымақтасады.", "Тараптар 2-баптың~1-тармағына сәйкес ынтымақтасады."},
			{"back", "Тараптар {ref:areas.list|acc} өзгерте алады.", "Тараптар 2-баптың~1-тармағын өзгерте алады."},
			{"back", "{ref:areas.list|loc} көзделген шаралар.", "2-баптың~1-тармағында көзделген шаралар."},
			{"back", "{ref:areas.list|abl} басқа ережелер.", "2-баптың~1-тармағынан басқа ережелер."},
			{"back", "{ref:areas.list|ins} бірге қолданылады.", "2-баптың~1-тармағымен бірге қолданылады."},
			{"back", "{ref:areas.list|attr} міндеттемелер.", "2-баптың~1-тармағындағы міндеттемелер."},
			{"back", "{ref:areas|loc,rel} көзделген.", "жоғарыдағы 2-бапта көзделген."},
			{"back", "{ref:areas.list.b|loc} көзделген.", "2-баптың 1-тармағының~b)~тармақшасында көзделген."},
			{"back", "{ref:areas.list.b|gen} ережелері.", "2-баптың 1-тармағының~b)~тармақшасының ережелері."},
			{"back", "{ref:areas.list|gen,rel} ережелері.", "жоғарыда көрсетілген 2-баптың~1-тармағының ережелері."},
			{"front", "{ref:areas.list.b,areas.list.c|loc,rel} көзделген.", "төмендегі 2-баптың 1-тармағының~b) және c)~тармақшаларында көзделген."},
		},
	})
}

// TestEnglishSeveralItems: several items of one container in English.
func TestEnglishSeveralItems(t *testing.T) {
	checkPhrases(t, "en", map[string][]phrase{
		"decimal": {
			{"back", "As set out in {ref:areas.list.b,areas.list.c}.", "As set out in paragraph~2.1, subparagraphs~ii. and iii."},
			{"back", "As set out in {ref:areas.list.b,areas.list.c|rel}.", "As set out in paragraph~2.1, subparagraphs~ii. and iii. above."},
			{"front", "As set out in {ref:reports|rel}.", "As set out in paragraph~3 below."},
		},
	})
}

// TestLanguagesInEveryCase: {languages} of a trilingual document in every
// case of Russian and Kazakh. In Kazakh the names are attributive and тіл
// takes the case and the plural.
func TestLanguagesInEveryCase(t *testing.T) {
	ru := []phrase{
		{"", "{languages}", "английский, русский и казахский"},
		{"", "{languages|gen}", "английского, русского и казахского"},
		{"", "{languages|dat}", "английскому, русскому и казахскому"},
		{"", "{languages|acc}", "английский, русский и казахский"},
		{"", "{languages|ins}", "английским, русским и казахским"},
		{"", "на {languages|pre} языках", "на английском, русском и казахском языках"},
	}
	kk := []phrase{
		{"", "{languages}", "ағылшын, орыс және қазақ тілдері"},
		{"", "{languages|gen}", "ағылшын, орыс және қазақ тілдерінің"},
		{"", "{languages|dat}", "ағылшын, орыс және қазақ тілдеріне"},
		{"", "{languages|acc}", "ағылшын, орыс және қазақ тілдерін"},
		{"", "{languages|loc}", "ағылшын, орыс және қазақ тілдерінде"},
		{"", "{languages|abl}", "ағылшын, орыс және қазақ тілдерінен"},
		{"", "{languages|ins}", "ағылшын, орыс және қазақ тілдерімен"},
		{"", "{languages|attr}", "ағылшын, орыс және қазақ тілдеріндегі"},
	}
	var b strings.Builder
	b.WriteString("section: s\nheading: {en: S, ru: S, kk: S}\nparagraphs:\n")
	q := func(s string) string { j, _ := json.Marshal(s); return string(j) }
	for i := range max(len(ru), len(kk)) {
		r, k := "{languages}", "{languages}"
		if i < len(ru) {
			r = ru[i].text
		}
		if i < len(kk) {
			k = kk[i].text
		}
		fmt.Fprintf(&b, "  - id: p%d\n    text: {en: \"in the {languages} language\", ru: %s, kk: %s}\n", i, q(r), q(k))
	}
	files := fstest.MapFS{
		"clauses/t/document.yaml": {Data: []byte("id: t\nlanguages: [en, ru, kk]\ntitle:\n  - {en: T, ru: T, kk: T}\nparts: [s.yaml]\n")},
		"clauses/t/s.yaml":        {Data: []byte(b.String())},
	}
	res, diags := build.Assemble(files, build.Options{})
	if diags.HasErrors() {
		t.Fatalf("diagnostics:\n%v", diags)
	}
	check := func(tag string, rows []phrase) {
		for i, r := range rows {
			u := res.Indexes["t"].Unit(fmt.Sprintf("p%d", i))
			if got := model.PlainText(u.Text[tag].Runs); got != r.want {
				t.Errorf("%s %s = %q, want %q", tag, r.text, got, r.want)
			}
		}
	}
	check("ru", ru)
	check("kk", kk)
	check("en", []phrase{{"", "", "in the English, Russian and Kazakh language"}})
}

// TestRefusedForms: the forms no drafter writes are errors saying why, at
// the place of the field.
func TestRefusedForms(t *testing.T) {
	const kkWhy = `a Kazakh number word before a noun stays in the nominative and the noun takes the case ("екі түпнұсқа данада"); write {originals} without a case and put the case on the noun (valid: nom, dat, abl, ins)`
	tests := []struct {
		tag, text, want string
	}{
		{"kk", "{originals|gen} данасы", "{originals}: lang: kk does not write a number word in the genitive case: " + kkWhy},
		{"kk", "{originals|loc} данада", "{originals}: lang: kk does not write a number word in the locative case: " + kkWhy},
		{"kk", "{originals|acc} данаға", "{originals}: lang: kk does not write a number word in the accusative case: " + kkWhy},
		{"kk", "{originals|attr} даналар", "{originals}: lang: kk does not write a number word in the attributive case: " + kkWhy},
		{"ru", "на {languages|loc} языке", `{languages}: lang: case "loc" is not valid for ru (valid: [nom gen dat acc ins pre])`},
		{"ru", "в {originals|abl} экземплярах", `{originals}: lang: case "abl" is not valid for ru (valid: [nom gen dat acc ins pre])`},
		{"kk", "{languages|pre} жасалды", `{languages}: lang: case "pre" is not valid for kk (valid: [nom gen dat acc loc abl ins attr])`},
	}
	for _, tc := range tests {
		t.Run(tc.tag+" "+tc.text, func(t *testing.T) {
			files := fstest.MapFS{
				"clauses/t/document.yaml": {Data: []byte(fmt.Sprintf("id: t\nlanguages: [%s]\ntitle:\n  - {%[1]s: T}\nfinal: {originals: 2}\nparts: [s.yaml]\n", tc.tag))},
				"clauses/t/s.yaml":        {Data: []byte(fmt.Sprintf("section: s\nheading: {%s: S}\nparagraphs:\n  - id: p\n    text: {%[1]s: %q}\n", tc.tag, tc.text))},
			}
			_, diags := build.Assemble(files, build.Options{})
			// The field's column: after `    text: {kk: "` and the words before it.
			col := 17 + utf8.RuneCountInString(tc.text[:strings.Index(tc.text, "{")])
			want := fmt.Sprintf("clauses/t/s.yaml:5:%d: error: %s [ref-phrase]", col, tc.want)
			if len(diags) != 1 || diags[0].String() != want {
				t.Errorf("diagnostics:\n%v\nwant\n%s", diags, want)
			}
		})
	}
}
