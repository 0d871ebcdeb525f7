package lang

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date writes a calendar date as in diplomatic correspondence:
//
//	en "13 May 2024" (case ignored)
//	ru "13 мая 2024 года" (the same for every case; "от" + gen is the
//	   template's business)
//	kk "2024 жылғы 13 мамыр" (nom), "2024 жылғы 18 сәуірдегі" (attr),
//	   "2024 жылғы 27 мамырдан" (abl), "… мамырға" (dat), "… мамырдың" (gen)
//
// An impossible date or a case the language lacks is an error.
func (l *Language) Date(y int, m time.Month, d int, c Case) (string, error) {
	c, err := l.checkCase(c)
	if err != nil {
		return "", err
	}
	if m < time.January || m > time.December {
		return "", fmt.Errorf("lang: month %d out of range", int(m))
	}
	if y < 1 || d < 1 || d > daysIn(y, m) {
		return "", fmt.Errorf("lang: no such date %04d-%02d-%02d", y, int(m), d)
	}
	mc := c
	if l.dateMonthCase != "" {
		mc = l.dateMonthCase
	}
	month := l.form(l.months[m-1], mc, false, false)
	r := strings.NewReplacer("{day}", strconv.Itoa(d), "{month}", month, "{year}", strconv.Itoa(y))
	return r.Replace(l.datePattern), nil
}

// Month returns the name of month m in case c: "May", "мая" (gen),
// "мамырдан" (abl). English ignores c.
func (l *Language) Month(m time.Month, c Case) (string, error) {
	c, err := l.checkCase(c)
	if err != nil {
		return "", err
	}
	if m < time.January || m > time.December {
		return "", fmt.Errorf("lang: month %d out of range", int(m))
	}
	return l.form(l.months[m-1], c, false, false), nil
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
