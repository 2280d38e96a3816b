#!/usr/bin/env python3
"""Own-family matching scenarios: job families the development set does not have, graded like it.

usage: python3 tests/matching/generate.py [OUT_DIR]     (default: tests/matching/generated)

Writes OUT_DIR/scenarios/<ID>/{job_description.txt,candidates.zip,candidates.csv} and OUT_DIR/truth/<ID>.json in the
corpus' format, so that its score.py grades them:
    dotnet bench/ParseJobs.Bench/bin/Release/net10.0/ParseJobs.Bench.dll match --scenarios OUT_DIR/scenarios --out OUT
    python3 ../shared/corpus/matching/score.py OUT_DIR/truth OUT
The grade follows the corpus README's formula (0.45 core + 0.10 nice + 0.20 role + 0.08 degree + 0.10 experience
+ 0.07 sector; grade 3/2/1/0 at 0.78/0.55/0.28; no candidate within 0.025 of a border). The vocabulary (titles, skill
wordings, companies, templates) is written for this file, not taken from the matcher's data files, so that the figures
say how the matcher does on words it was not written for. python3 stdlib only; deterministic (seed below).
"""
import csv
import io
import json
import os
import random
import sys
import zipfile

SEED = 20261202
REFERENCE = (2025, 6)  # the month "present" means in the CVs

# ------------------------------------------------------------------ skills: id -> (name, [surface forms], German form)
SKILLS = {
    # nursing
    "patcare": ("Patient Care", ["Patient Care", "patient care", "bedside care"], "Patientenversorgung"),
    "wound": ("Wound Care", ["Wound Care", "wound management", "wound dressing"], "Wundversorgung"),
    "meds": ("Medication Administration", ["Medication Administration", "administering medication"], "Medikamentengabe"),
    "caredoc": ("Care Documentation", ["Care Documentation", "nursing documentation"], "Pflegedokumentation"),
    "hygiene": ("Infection Control", ["Infection Control", "hygiene standards"], "Hygienemanagement"),
    "icu": ("Intensive Care", ["Intensive Care", "critical care", "ICU"], "Intensivpflege"),
    "geriatric": ("Geriatric Care", ["Geriatric Care", "elderly care"], "Altenpflege"),
    "firstaid": ("First Aid", ["First Aid", "emergency first aid"], "Erste Hilfe"),
    # devops
    "docker": ("Docker", ["Docker", "Docker containers"], "Docker"),
    "k8s": ("Kubernetes", ["Kubernetes", "K8s", "k8s"], "Kubernetes"),
    "terraform": ("Terraform", ["Terraform", "HashiCorp Terraform"], "Terraform"),
    "cicd": ("CI/CD", ["CI/CD", "continuous integration", "Continuous Delivery"], "CI/CD"),
    "aws": ("AWS", ["AWS", "Amazon Web Services"], "AWS"),
    "linux": ("Linux", ["Linux", "Linux administration"], "Linux"),
    "ansible": ("Ansible", ["Ansible"], "Ansible"),
    "prometheus": ("Prometheus", ["Prometheus"], "Prometheus"),
    "python": ("Python", ["Python", "Python 3"], "Python"),
    "bash": ("Bash", ["Bash", "shell scripting"], "Bash"),
    # accounting
    "finacc": ("Financial Accounting", ["Financial Accounting", "general ledger accounting"], "Finanzbuchhaltung"),
    "datev": ("DATEV", ["DATEV", "DATEV Rechnungswesen"], "DATEV"),
    "closing": ("Annual Financial Statements", ["Annual Financial Statements", "year-end closing"], "Jahresabschluss"),
    "ap": ("Accounts Payable", ["Accounts Payable", "AP"], "Kreditorenbuchhaltung"),
    "ar": ("Accounts Receivable", ["Accounts Receivable", "AR"], "Debitorenbuchhaltung"),
    "vat": ("VAT", ["VAT", "value added tax", "VAT returns"], "Umsatzsteuer"),
    "sapfi": ("SAP FI", ["SAP FI", "SAP Financials"], "SAP FI"),
    "excel": ("Microsoft Excel", ["Microsoft Excel", "Excel", "MS Excel"], "Excel"),
    "hgb": ("HGB", ["HGB", "German GAAP"], "HGB"),
    # project management
    "pm": ("Project Management", ["Project Management", "project planning"], "Projektmanagement"),
    "agile": ("Agile Methods", ["Agile Methods", "agile methodologies", "Agile"], "agile Methoden"),
    "scrum": ("Scrum", ["Scrum"], "Scrum"),
    "stakeholder": ("Stakeholder Management", ["Stakeholder Management", "stakeholder communication"], "Stakeholdermanagement"),
    "risk": ("Risk Management", ["Risk Management", "project risk management"], "Risikomanagement"),
    "budget": ("Budgeting", ["Budgeting", "budget planning", "budget control"], "Budgetplanung"),
    "jira": ("Jira", ["Jira", "Atlassian Jira"], "Jira"),
    "msproject": ("MS Project", ["MS Project", "Microsoft Project"], "MS Project"),
    "kanban": ("Kanban", ["Kanban"], "Kanban"),
    # distractor families
    "recruiting": ("Recruiting", ["Recruiting", "talent acquisition"], "Personalbeschaffung"),
    "payroll": ("Payroll", ["Payroll", "payroll processing"], "Lohnabrechnung"),
    "onboarding": ("Onboarding", ["Onboarding"], "Onboarding"),
    "custservice": ("Customer Service", ["Customer Service"], "Kundenservice"),
    "cash": ("Cash Handling", ["Cash Handling"], "Kassenführung"),
    "merch": ("Visual Merchandising", ["Visual Merchandising"], "Warenpräsentation"),
    "java": ("Java", ["Java"], "Java"),
    "react": ("React", ["React", "ReactJS"], "React"),
    "sql": ("SQL", ["SQL"], "SQL"),
    "kitchen": ("Kitchen Management", ["Kitchen Management"], "Küchenmanagement"),
    "menu": ("Menu Planning", ["Menu Planning"], "Menüplanung"),
    "schematics": ("Electrical Schematics", ["Electrical Schematics"], "Schaltpläne"),
    "sales": ("B2B Sales", ["B2B Sales"], "B2B-Vertrieb"),
    "negotiation": ("Negotiation", ["Negotiation"], "Verhandlungsführung"),
}

# ------------------------------------------------------------------ families: titles (exact, related), skills, degree fields
FAMILIES = {
    "nurse": dict(exact=["Registered Nurse", "Pflegefachkraft", "Gesundheits- und Krankenpfleger", "Staff Nurse", "Pflegefachfrau"],
                  related=["Altenpfleger", "Medizinische Fachangestellte", "Pflegehelfer", "Healthcare Assistant"],
                  skills=["patcare", "wound", "meds", "caredoc", "hygiene", "icu", "geriatric", "firstaid"],
                  fields=["Nursing", "Pflege", "Health Sciences"]),
    "devops": dict(exact=["DevOps Engineer", "Site Reliability Engineer", "Cloud Engineer", "Platform Engineer"],
                   related=["System Administrator", "Backend Developer", "Systemadministrator", "Network Engineer"],
                   skills=["docker", "k8s", "terraform", "cicd", "aws", "linux", "ansible", "prometheus", "python", "bash"],
                   fields=["Computer Science", "Informatik", "Information Systems"]),
    "accountant": dict(exact=["Buchhalter", "Finanzbuchhalter", "Accountant", "Bilanzbuchhalterin", "Staff Accountant"],
                       related=["Controller", "Steuerfachangestellte", "Lohnbuchhalter", "Financial Analyst"],
                       skills=["finacc", "datev", "closing", "ap", "ar", "vat", "sapfi", "excel", "hgb"],
                       fields=["Accounting", "Betriebswirtschaftslehre", "Finance"]),
    "pm": dict(exact=["Project Manager", "IT Project Manager", "Projektleiter", "Program Manager"],
               related=["Product Owner", "Scrum Master", "Business Analyst", "Projektkoordinator"],
               skills=["pm", "agile", "scrum", "stakeholder", "risk", "budget", "jira", "msproject", "kanban"],
               fields=["Business Administration", "Industrial Engineering", "Computer Science"]),
    # distractors
    "hr": dict(exact=["HR Generalist", "Recruiter", "Personalreferentin", "Talent Acquisition Specialist"], related=[],
               skills=["recruiting", "payroll", "onboarding"], fields=["Human Resources", "Psychology"]),
    "retail": dict(exact=["Retail Sales Associate", "Store Manager", "Verkäuferin"], related=[],
                   skills=["custservice", "cash", "merch"], fields=["Retail Management"]),
    "dev": dict(exact=["Software Developer", "Java Developer", "Frontend Developer"], related=[],
                skills=["java", "react", "sql", "docker", "python"], fields=["Computer Science", "Software Engineering"]),
    "chef": dict(exact=["Head Chef", "Sous Chef", "Koch"], related=[], skills=["kitchen", "menu"], fields=["Culinary Arts"]),
    "electrician": dict(exact=["Industrial Electrician", "Elektroniker"], related=[], skills=["schematics"],
                        fields=["Electrical Engineering"]),
    "sales": dict(exact=["Account Executive", "Key Account Manager"], related=[], skills=["sales", "negotiation", "excel"],
                  fields=["Marketing", "Economics"]),
}

DEGREE_NAMES = {
    "en": {0: ["High School Diploma"], 1: ["Vocational diploma in {f}", "Associate Degree in {f}"],
           2: ["Bachelor of Science in {f}", "BA in {f}"], 3: ["Master of Science in {f}", "M.Sc. in {f}"]},
    "de": {0: ["Mittlere Reife", "Abitur"], 1: ["Abgeschlossene Berufsausbildung im Bereich {f}", "Ausbildung zur/zum {f}"],
           2: ["Bachelor of Science {f}", "Bachelor-Studium {f}"], 3: ["Master of Science {f}", "Master {f}"]},
}

# ------------------------------------------------------------------ sectors: id -> (label en, label de, companies (name, en descriptor, de descriptor))
SECTORS = {
    "healthcare": ("Healthcare", "Gesundheitswesen", [("Klinikum Nordstadt", "a city hospital", "ein städtisches Krankenhaus"),
                                                     ("Seniorenresidenz Am See", "a care home", "ein Pflegeheim"),
                                                     ("Mercy Regional Clinic", "a regional clinic", "eine Regionalklinik")]),
    "saas": ("Software & SaaS", "Software & SaaS", [("Cloudnest", "a cloud software company", "ein Cloud-Softwareunternehmen"),
                                                    ("Orbitask", "a B2B SaaS provider", "ein SaaS-Anbieter")]),
    "banking": ("Banking", "Banken", [("Rhein Capital Bank", "a commercial bank", "eine Geschäftsbank"),
                                      ("Sparkasse Weserland", "a savings bank", "eine Sparkasse")]),
    "logistics": ("Logistics", "Logistik", [("CargoLink", "a freight forwarder", "eine Spedition"),
                                            ("Nordport Logistics", "a logistics provider", "ein Logistikdienstleister")]),
    "retail": ("Retail", "Einzelhandel", [("Kaufhaus Lindt", "a department store", "ein Warenhaus"),
                                          ("FreshCorner", "a supermarket chain", "eine Supermarktkette")]),
    "construction": ("Construction", "Bauwesen", [("Baugruppe Weber", "a construction company", "ein Bauunternehmen")]),
    "automotive": ("Automotive", "Automobilindustrie", [("Voltara Motors", "a car manufacturer", "ein Automobilhersteller")]),
    "hospitality": ("Restaurants", "Gastronomie", [("Trattoria Sole", "a family restaurant", "ein Restaurant")]),
}

SCENARIOS = [
    dict(id="O01_pflegefachkraft_de", family="nurse", lang="de", style="bullets", title="Pflegefachkraft (m/w/d)",
         company="Klinikum Nordstadt", sector="healthcare", core=["patcare", "wound", "meds", "caredoc", "hygiene"],
         nice=["icu", "geriatric", "firstaid"], degree=1, years=2),
    dict(id="O02_devops_engineer", family="devops", lang="en", style="prose", title="DevOps Engineer",
         company="Cloudnest", sector="saas", core=["docker", "k8s", "terraform", "cicd", "aws"],
         nice=["ansible", "prometheus", "python"], degree=2, years=3),
    dict(id="O03_buchhalter_de", family="accountant", lang="de", style="mixed", title="Buchhalter (m/w/d)",
         company="Nordport Logistics", sector="logistics", core=["finacc", "datev", "closing", "ap", "vat"],
         nice=["sapfi", "excel", "hgb"], degree=1, years=3),
    dict(id="O04_project_manager", family="pm", lang="en", style="bullets", title="IT Project Manager",
         company="Rhein Capital Bank", sector="banking", core=["pm", "agile", "stakeholder", "risk", "budget"],
         nice=["jira", "msproject", "scrum", "kanban"], degree=2, years=4),
]

FIRST = ["Anna", "Lukas", "Maria", "Jonas", "Sarah", "David", "Laura", "Felix", "Emma", "Paul", "Nina", "Omar", "Julia",
         "Tim", "Lea", "Ben", "Sofia", "Max", "Clara", "Elias", "Mia", "Noah", "Hannah", "Leon"]
LAST = ["Becker", "Wagner", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Braun",
        "Zimmermann", "Hartmann", "Lange", "Krüger", "Meier", "Lehmann", "Huber", "Kaiser", "Fuchs", "Peters", "Scholz"]


def form(rng, sid, lang):
    name, forms, german = SKILLS[sid]
    if lang == "de" and rng.random() < 0.5:
        return german
    return rng.choice(forms)


def relevance(core, nice, role, degree, exp, sector):
    return 0.45 * core + 0.10 * nice + 0.20 * role + 0.08 * degree + 0.10 * exp + 0.07 * sector


def grade_of(r):
    return 3 if r >= 0.78 else 2 if r >= 0.55 else 1 if r >= 0.28 else 0


def near_border(r):
    return any(abs(r - b) < 0.025 for b in (0.78, 0.55, 0.28))


def month_add(y, m, k):
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def draw_candidate(rng, sc, archetype):
    fam = FAMILIES[sc["family"]]
    core, nice = sc["core"], sc["nice"]
    lang = "de" if (sc["lang"] == "de" and rng.random() < 0.6) or rng.random() < 0.15 else "en"
    mentioned = []
    if archetype in ("strong", "partial", "junior_all_skills", "same_title_other_stack", "related"):
        if archetype == "junior_all_skills":
            role_class, title = "junior", "Junior " + rng.choice([t for t in fam["exact"] if " " in t] or fam["exact"])
        elif archetype == "related":
            role_class, title = "related", rng.choice(fam["related"])
        else:
            role_class, title = "exact", rng.choice(fam["exact"])
        src = sc["family"]
    else:
        src = rng.choice([f for f in FAMILIES if f not in SCENARIO_FAMILIES])
        role_class, title = "unrelated", rng.choice(FAMILIES[src]["exact"])
    own = [s for s in FAMILIES[src]["skills"] if s not in core + nice]
    if archetype == "strong":
        have_core = rng.sample(core, rng.choice([4, 5, 5]))
    elif archetype == "partial":
        have_core = rng.sample(core, rng.choice([1, 2, 3]))
    elif archetype == "junior_all_skills":
        have_core = rng.sample(core, rng.choice([4, 5]))
    elif archetype == "related":
        have_core = rng.sample(core, rng.choice([0, 1, 2, 3, 4]))
    elif archetype == "career_changer":
        have_core = rng.sample(core, rng.choice([3, 4]))
    elif archetype == "keyword_context":
        have_core = []
        mentioned = rng.sample(core, 3)
    else:
        have_core = []
    if archetype == "same_title_other_stack":
        have_core = []
        own = [s for s in FAMILIES["dev"]["skills"] if s not in core + nice][:3]
    have_nice = rng.sample(nice, rng.randint(0, len(nice)))
    if archetype in ("unrelated", "keyword_context"):
        have_nice = rng.sample(nice, rng.choice([0, 0, 1]))
    years = {"junior": rng.choice([1, 1, 2]) if sc["years"] >= 3 else 1}.get(role_class, rng.randint(1, 12))
    if archetype == "junior_all_skills":
        years = max(1, sc["years"] - rng.choice([1, 2, 3]))
    if archetype == "strong":
        years = max(years, sc["years"])
    level = rng.choice([0, 1, 1, 2, 2, 3]) if archetype != "strong" else rng.choice([sc["degree"], sc["degree"] + 1])
    level = min(level, 3)
    field_related = rng.random() < (0.75 if role_class != "unrelated" else 0.15)
    field = rng.choice(fam["fields"] if field_related else FAMILIES[src if src != sc["family"] else "retail"]["fields"])
    if role_class != "unrelated" and not field_related:
        field = rng.choice(["Sociology", "Psychology", "History"])
    sector = sc["sector"] if rng.random() < 0.35 else rng.choice([s for s in SECTORS if s != sc["sector"]])
    # components, as the README defines them
    c_core = len(have_core) / len(core)
    c_nice = len(have_nice) / len(nice)
    c_role = {"exact": 1.0, "junior": 0.75, "related": 0.5, "unrelated": 0.0}[role_class]
    if level == 0 or sc["degree"] == 0:
        c_degree = 1.0 if sc["degree"] == 0 else 0.0
    elif level >= sc["degree"]:
        c_degree = 1.0 if field_related else 0.5
    else:
        c_degree = 0.5 if level == sc["degree"] - 1 and field_related else 0.0
    c_exp = 0.0 if role_class == "unrelated" else 1.0 if years >= sc["years"] else 0.5 if years >= sc["years"] - 2 else 0.0
    c_sector = 1.0 if sector == sc["sector"] else 0.0
    rel = relevance(c_core, c_nice, c_role, c_degree, c_exp, c_sector)
    return dict(lang=lang, archetype=archetype, role_class=role_class, title=title, source_family=src, own=own,
                have_core=have_core, have_nice=have_nice, mentioned=mentioned, years=years, level=level, field=field,
                field_related=field_related, sector=sector, relevance=round(rel, 4), grade=grade_of(rel),
                components=dict(core=c_core, nice=c_nice, role=c_role, degree=c_degree, experience=c_exp, sector=c_sector))


SCENARIO_FAMILIES = {s["family"] for s in SCENARIOS}

BULLETS_EN = ["Used {a} and {b} daily in the {p}.", "Hands-on work with {a}, {b} and {c}.", "Responsible for {a} across the {p}.",
              "Introduced {a} practices in the team, reducing lead times by {n}%.", "Mentored new colleagues in {a}."]
BULLETS_DE = ["Tägliche Arbeit mit {a} und {b} im Bereich {p}.", "Verantwortlich für {a} im Projekt {p}.",
              "Einführung von {a}, wodurch die Bearbeitungszeit um {n} % sank.", "Praktische Erfahrung mit {a}, {b} und {c}."]
FILLER_EN = ["Reported progress to management in weekly reviews.", "Onboarded and supported two new team members."]
FILLER_DE = ["Regelmäßige Abstimmung mit der Teamleitung.", "Mitarbeit an abteilungsübergreifenden Projekten."]
NEGATIVE_EN = ["Recruited {n} specialists with {a}, {b} and {c} experience for client companies.",
               "Wrote job advertisements requiring {a} and {b} skills.",
               "Organised external training sessions on {a} for the department (logistics, budget, rooms)."]
NEGATIVE_DE = ["Rekrutierung von {n} Fachkräften mit Erfahrung in {a}, {b} und {c} für Kundenunternehmen.",
               "Erstellung von Stellenanzeigen mit Anforderungen an {a} und {b}.",
               "Organisation externer Schulungen zu {a} für die Fachabteilung."]
PROJECTS = {"nurse": "station", "devops": "platform migration", "accountant": "month-end close", "pm": "core banking rollout"}


def render(rng, sc, c, name):
    de = c["lang"] == "de"
    y, m = REFERENCE
    # jobs: most recent first, covering the years
    jobs = []
    remaining = c["years"] * 12
    end = None
    n_jobs = 1 if remaining <= 24 else rng.choice([1, 2, 3])
    for j in range(n_jobs):
        length = remaining if j == n_jobs - 1 else max(12, remaining // (n_jobs - j) + rng.randint(-6, 6))
        length = min(length, remaining)
        remaining -= length
        e = (y, m) if end is None else end
        s = month_add(e[0], e[1], -length + 1)
        comp_sector = c["sector"] if j == 0 else rng.choice(list(SECTORS))
        comp = rng.choice(SECTORS[comp_sector][2])
        title = c["title"] if j == 0 else (c["title"].replace("Junior ", "") if c["role_class"] != "junior" else c["title"])
        jobs.append((title, comp, s, e, j == 0))
        end = month_add(s[0], s[1], -1)
    skills = [form(rng, s, c["lang"]) for s in c["have_core"] + c["have_nice"] + c["own"]]
    listed = skills[: max(1, len(skills) // 2)] if skills else []
    in_text = skills[len(listed):]
    if c["archetype"] == "career_changer":
        course = [form(rng, s, c["lang"]) for s in c["have_core"]]
        listed = [form(rng, s, c["lang"]) for s in c["own"]]
        in_text = []
    lines = [name, "%s@mail.example | +49 151 %07d | %s" % (name.lower().replace(" ", "."), rng.randint(0, 9999999), "Hamburg")]
    lines += ["", "Profil" if de else "Profile"]
    sec_label = SECTORS[c["sector"]][1 if de else 0]
    lines.append(("%s mit %d Jahren Berufserfahrung, zuletzt in der Branche %s." if de else "%s with %d years of experience, most recently in %s.")
                 % (c["title"], c["years"], sec_label.lower() if not de else sec_label))
    lines += ["", "Berufserfahrung" if de else "Experience"]
    proj = PROJECTS.get(sc["family"], "team")
    for idx, (title, comp, s, e, current) in enumerate(jobs):
        period = "%02d/%d – %s" % (s[1], s[0], ("heute" if de else "present") if current else "%02d/%d" % (e[1], e[0]))
        lines.append("%s — %s, %s | %s" % (title, comp[0], comp[2] if de else comp[1], period))
        bullets = []
        pool = in_text if idx == 0 else []
        while pool:
            k = min(len(pool), rng.choice([1, 2, 3]))
            part, pool = pool[:k], pool[k:]
            tpl = rng.choice([t for t in (BULLETS_DE if de else BULLETS_EN) if t.count("{") - ("{p}" in t) - ("{n}" in t) <= k] or ["{a}"])
            part = part + part * 3
            bullets.append(tpl.format(a=part[0], b=part[1], c=part[2], p=proj, n=rng.randint(10, 40)))
        if idx == 0 and c["mentioned"]:
            ms = [form(rng, s, c["lang"]) for s in c["mentioned"]]
            for tpl in rng.sample(NEGATIVE_DE if de else NEGATIVE_EN, 2):
                bullets.append(tpl.format(a=ms[0], b=ms[1], c=ms[2], n=rng.randint(10, 40)))
        bullets.append(rng.choice(FILLER_DE if de else FILLER_EN))
        lines += ["- " + b for b in bullets]
    lines += ["", "Ausbildung" if de else "Education"]
    grad = jobs[-1][2][0] - rng.choice([0, 1])
    deg = rng.choice(DEGREE_NAMES["de" if de else "en"][c["level"]]).format(f=c["field"])
    lines.append("%s, %s, %d" % (deg, "Berufsschule Hamburg" if c["level"] == 1 and de else "Universität Hamburg" if de else "University of Leeds", grad))
    if c["archetype"] == "career_changer":
        lines += ["", "Weiterbildung und Projekte" if de else "Further training and projects"]
        lines.append(("- Zertifikatslehrgang (300 Stunden, 2024): %s" if de else "- Certificate programme (300 hours, 2024): %s") % ", ".join(course))
    if listed:
        lines += ["", "Kenntnisse" if de else "Skills", ", ".join(listed)]
    lines += ["", "Sprachen" if de else "Languages", "Deutsch (Muttersprache), Englisch (C1)" if de else "English (native), German (B2)"]
    return "\n".join(lines) + "\n"


def job_description(rng, sc):
    de = sc["lang"] == "de"
    comp = [c for c in SECTORS[sc["sector"]][2] if c[0] == sc["company"]][0]
    core = [SKILLS[s][2] if de and rng.random() < 0.3 else SKILLS[s][0] for s in sc["core"]]
    nice = [SKILLS[s][0] for s in sc["nice"]]
    fields = " / ".join(FAMILIES[sc["family"]]["fields"][:2])
    label = SECTORS[sc["sector"]][1 if de else 0]
    out = [sc["title"], "%s %s %s (%s)" % (comp[0], "–" if de else ",", comp[2] if de else comp[1], label), ""]
    deg_de = {1: "eine abgeschlossene Berufsausbildung oder ein Studium", 2: "ein abgeschlossenes Studium (mindestens Bachelor)"}
    deg_en = {1: "a completed vocational qualification or degree", 2: "a Bachelor's degree"}
    if sc["style"] == "bullets":
        if de:
            out += ["Ihre Aufgaben:", "- Sie arbeiten eng mit dem Team zusammen", "- Sie übernehmen Verantwortung im Tagesgeschäft", "",
                    "Das bringen Sie mit:"] + ["- " + s for s in core] + [
                "- Mindestens %d Jahre Berufserfahrung in einer vergleichbaren Position" % sc["years"],
                "- %s im Bereich %s oder vergleichbar" % (deg_de[sc["degree"]][0].upper() + deg_de[sc["degree"]][1:], fields), "",
                "Wünschenswert:"] + ["- " + s for s in nice] + ["", "Wir bieten ein attraktives Gehalt und 30 Tage Urlaub."]
        else:
            out += ["What you will do:", "- Lead delivery together with the business", "- Report to the steering committee", "",
                    "Must have:"] + ["- " + s for s in core] + [
                "- At least %d years of experience in a similar role" % sc["years"],
                "- %s in %s or a related field" % (deg_en[sc["degree"]][0].upper() + deg_en[sc["degree"]][1:], fields), "",
                "Nice to have:"] + ["- " + s for s in nice] + ["", "We offer hybrid work and a training budget."]
    elif sc["style"] == "prose":
        out += ["We are looking for a %s to strengthen our platform team." % sc["title"],
                "You bring proven experience with %s and %s; these are essential for the role." % (", ".join(core[:-1]), core[-1]),
                "Knowledge of %s or %s is a plus." % (", ".join(nice[:-1]), nice[-1]),
                "You hold %s in %s or a comparable field and have at least %d years of relevant experience." % (deg_en[sc["degree"]], fields, sc["years"]),
                "", "We offer flexible hours and a learning budget."]
    else:
        out += ["Zur Verstärkung unseres Teams suchen wir eine/n %s." % sc["title"],
                "Voraussetzung sind sehr gute Kenntnisse in %s sowie %s (zwingend)." % (", ".join(core[:-1]), core[-1]),
                "Erfahrung mit %s oder %s ist wünschenswert." % (", ".join(nice[:-1]), nice[-1]),
                "Sie verfügen über %s im Bereich %s und mindestens %d Jahre Berufserfahrung." % (deg_de[sc["degree"]], fields, sc["years"]),
                "", "Wir bieten einen sicheren Arbeitsplatz."]
    return "\n".join(out) + "\n"


def docx_bytes(text):
    def esc(s):
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    paras = "".join("<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>" % esc(l) for l in text.split("\n"))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>' % paras)
    return buf.getvalue()


ARCHETYPES = ["strong"] * 5 + ["partial"] * 4 + ["related"] * 4 + ["junior_all_skills"] * 2 + ["unrelated"] * 3 + \
             ["keyword_context", "career_changer", "same_title_other_stack"]


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "generated")
    rng = random.Random(SEED)
    for sc in SCENARIOS:
        sdir = os.path.join(out_dir, "scenarios", sc["id"])
        os.makedirs(sdir, exist_ok=True)
        os.makedirs(os.path.join(out_dir, "truth"), exist_ok=True)
        with open(os.path.join(sdir, "job_description.txt"), "w", encoding="utf-8") as f:
            f.write(job_description(rng, sc))
        cands, rows = [], []
        zbuf = io.BytesIO()
        with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
            for i, arch in enumerate(ARCHETYPES):
                for _ in range(50):
                    c = draw_candidate(rng, sc, arch)
                    if not near_border(c["relevance"]):
                        break
                name = "%s %s" % (FIRST[i % len(FIRST)], rng.choice(LAST))
                text = render(rng, sc, c, name)
                fmt = "docx" if i % 3 == 1 else "txt"
                fname = "%s_%s.%s" % (name.split()[1].lower(), name.split()[0].lower(), fmt)
                zpath = ("cvs/" if i % 4 == 0 else "") + fname
                z.writestr(zpath, docx_bytes(text) if fmt == "docx" else text.encode("utf-8"))
                cid = "%s-C%03d" % (sc["id"][:3], i + 1)
                rows.append([cid, name, text, fname])
                missing = [s for s in sc["core"] if s not in c["have_core"]]
                cands.append(dict(candidate_id=cid, name=name, filename=fname, zip_path=zpath, format=fmt, language=c["lang"],
                                  grade=c["grade"], relevance=c["relevance"], components=c["components"],
                                  hard_negative=c["archetype"] if c["archetype"] in ("keyword_context", "career_changer", "junior_all_skills", "same_title_other_stack") else None,
                                  missing_core=missing, present_core=c["have_core"], role_class=c["role_class"], current_title=c["title"],
                                  years=c["years"], degree_level=c["level"], degree_field=c["field"], sector=c["sector"]))
            z.writestr("__MACOSX/._notes.txt", b"\x00\x05\x16\x07")
        with open(os.path.join(sdir, "candidates.zip"), "wb") as f:
            f.write(zbuf.getvalue())
        with open(os.path.join(sdir, "candidates.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["candidate_id", "name", "resume_text", "filename"])
            w.writerows(rows)
        skill = lambda s: dict(id=s, name=SKILLS[s][0], surface_forms=sorted(set(SKILLS[s][1] + [SKILLS[s][0], SKILLS[s][2]])))
        truth = dict(scenario=sc["id"], set="own", family=sc["family"], jd_language=sc["lang"], jd_style=sc["style"],
                     job_title=sc["title"], sector=sc["sector"], core_skills=[skill(s) for s in sc["core"]],
                     nice_skills=[skill(s) for s in sc["nice"]], degree_required_level=sc["degree"], years_required=sc["years"],
                     reference_date="%d-%02d" % REFERENCE, candidates=cands,
                     expected_errors=[dict(zip_path="__MACOSX/._notes.txt", filename="._notes.txt", reason="macOS metadata")])
        with open(os.path.join(out_dir, "truth", sc["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(truth, f, indent=1, ensure_ascii=False)
        grades = [c["grade"] for c in cands]
        print("%s: %d candidates, grades 3/2/1/0 = %d/%d/%d/%d" % (sc["id"], len(cands), grades.count(3), grades.count(2), grades.count(1), grades.count(0)))


if __name__ == "__main__":
    main()
