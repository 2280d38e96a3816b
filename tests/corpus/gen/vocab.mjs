// Vocabulary of the widened corpus. Deliberately disjoint from the development corpus lists
// (../../../../shared/corpus/resumes/gen/vocab.mjs): other schools, titles, skills, hobbies and sentences,
// so that a score here says how the extractor does on words it was not tuned on.
export const V = {
  // [city, postal, region]
  cities: {
    CH: [['Thun', '3600', 'BE'], ['Wil', '9500', 'SG'], ['Uster', '8610', 'ZH'], ['Rapperswil-Jona', '8640', 'SG'], ['Schaffhausen', '8200', 'SH'], ['Frauenfeld', '8500', 'TG'], ['Solothurn', '4500', 'SO'], ['Liestal', '4410', 'BL'], ['Kriens', '6010', 'LU'], ['Yverdon-les-Bains', '1400', 'VD'], ['Nyon', '1260', 'VD'], ['Montreux', '1820', 'VD'], ['La Chaux-de-Fonds', '2300', 'NE'], ['Martigny', '1920', 'VS'], ['Locarno', '6600', 'TI'], ['Mendrisio', '6850', 'TI'], ['Chiasso', '6830', 'TI'], ['Davos', '7270', 'GR']],
    DE: [['Mannheim', '68159', 'BW'], ['Bonn', '53111', 'NW'], ['Münster', '48143', 'NW'], ['Augsburg', '86150', 'BY'], ['Regensburg', '93047', 'BY'], ['Kiel', '24103', 'SH'], ['Bremen', '28195', 'HB'], ['Hannover', '30159', 'NI'], ['Mainz', '55116', 'RP'], ['Ulm', '89073', 'BW']],
    FR: [['Nantes', '44000', 'PDL'], ['Lille', '59000', 'HDF'], ['Rennes', '35000', 'BRE'], ['Montpellier', '34000', 'OCC'], ['Dijon', '21000', 'BFC'], ['Nancy', '54000', 'GES'], ['Tours', '37000', 'CVL'], ['Clermont-Ferrand', '63000', 'ARA']],
    IT: [['Bergamo', '24121', 'BG'], ['Verona', '37121', 'VR'], ['Trento', '38122', 'TN'], ['Genova', '16121', 'GE'], ['Parma', '43121', 'PR'], ['Brescia', '25121', 'BS'], ['Modena', '41121', 'MO'], ['Lecco', '23900', 'LC']],
    GB: [['Leeds', 'LS1 4AP', 'England'], ['Glasgow', 'G1 1XQ', 'Scotland'], ['Birmingham', 'B1 1BB', 'England'], ['Cardiff', 'CF10 1EP', 'Wales'], ['Nottingham', 'NG1 5FS', 'England'], ['Oxford', 'OX1 2JD', 'England']],
    US: [['Denver', '80202', 'CO'], ['Portland', '97204', 'OR'], ['Atlanta', '30303', 'GA'], ['Minneapolis', '55401', 'MN'], ['Raleigh', '27601', 'NC'], ['Pittsburgh', '15222', 'PA']],
  },
  countryNames: {
    en: { CH: 'Switzerland', DE: 'Germany', FR: 'France', IT: 'Italy', GB: 'United Kingdom', US: 'USA', AT: 'Austria', PT: 'Portugal', ES: 'Spain', NL: 'Netherlands' },
    de: { CH: 'Schweiz', DE: 'Deutschland', FR: 'Frankreich', IT: 'Italien', GB: 'Vereinigtes Königreich', US: 'USA', AT: 'Österreich', PT: 'Portugal', ES: 'Spanien', NL: 'Niederlande' },
    fr: { CH: 'Suisse', DE: 'Allemagne', FR: 'France', IT: 'Italie', GB: 'Royaume-Uni', US: 'États-Unis', AT: 'Autriche', PT: 'Portugal', ES: 'Espagne', NL: 'Pays-Bas' },
    it: { CH: 'Svizzera', DE: 'Germania', FR: 'Francia', IT: 'Italia', GB: 'Regno Unito', US: 'Stati Uniti', AT: 'Austria', PT: 'Portogallo', ES: 'Spagna', NL: 'Paesi Bassi' },
  },
  universities: {
    CH: ['Universität Luzern', 'Université de Neuchâtel', 'Université de Fribourg', 'Fachhochschule Graubünden', 'Hochschule für Technik Rapperswil', 'Haute école de gestion de Genève', 'Kalaidos Fachhochschule', 'Zürcher Hochschule der Künste', 'HES-SO Valais-Wallis', 'Fernfachhochschule Schweiz'],
    DE: ['Universität Mannheim', 'Technische Universität Darmstadt', 'Universität Konstanz', 'Universität Bremen', 'Hochschule München', 'Universität Regensburg', 'Christian-Albrechts-Universität zu Kiel', 'Leibniz Universität Hannover', 'Westfälische Wilhelms-Universität Münster'],
    FR: ['Université de Lille', 'Université de Nantes', 'Université de Rennes', 'Université de Montpellier', 'Université de Lorraine', 'IMT Atlantique', 'ESSEC Business School', 'Université Clermont Auvergne'],
    IT: ['Università degli Studi di Trento', 'Università degli Studi di Genova', 'Università degli Studi di Verona', 'Università degli Studi di Parma', 'Politecnico di Bari', 'Università Ca\' Foscari Venezia', 'Università degli Studi di Bergamo'],
    GB: ['University of Leeds', 'University of Glasgow', 'University of Warwick', 'Cardiff University', 'University of Nottingham', 'University of Bath', 'Durham University'],
    US: ['University of Colorado Boulder', 'Portland State University', 'Georgia Institute of Technology', 'University of Minnesota', 'North Carolina State University', 'Carnegie Mellon University'],
  },
  vocational: {
    CH: ['Berufsbildungszentrum Wil-Uzwil', 'Gewerbliches Berufs- und Weiterbildungszentrum St. Gallen', 'Berufsfachschule Uster', 'Centre professionnel du Littoral neuchâtelois', 'Scuola professionale commerciale Locarno'],
    DE: ['Berufskolleg Bonn-Duisdorf', 'Staatliche Berufsschule Augsburg', 'Berufsbildende Schulen Hannover', 'Carl-Benz-Schule Mannheim'],
  },
  // [display, level, kind]
  degrees: {
    en: [['BA', 'bachelor', 'uni'], ['BEng', 'bachelor', 'uni'], ['Bachelor of Business Administration', 'bachelor', 'uni'], ['MEng', 'master', 'uni'], ['MA', 'master', 'uni'], ['Master of Engineering', 'master', 'uni'], ['MPhil', 'master', 'uni'], ['Doctor of Philosophy', 'doctorate', 'uni'], ['Postgraduate Certificate', 'certificate', 'further'], ['Diploma of Advanced Studies (DAS)', 'certificate', 'further']],
    de: [['Bachelor of Arts', 'bachelor', 'uni'], ['Bachelor of Engineering', 'bachelor', 'uni'], ['Master of Arts', 'master', 'uni'], ['Master of Engineering', 'master', 'uni'], ['Diplom-Kaufmann', 'diploma', 'uni'], ['Promotion (Dr. rer. nat.)', 'doctorate', 'uni'], ['Elektroniker EFZ', 'apprenticeship', 'voc'], ['Logistiker EFZ', 'apprenticeship', 'voc'], ['Detailhandelsfachmann EFZ', 'apprenticeship', 'voc'], ['Industriekaufmann', 'apprenticeship', 'voc'], ['DAS Data Science', 'certificate', 'further'], ['Eidg. Diplom Marketingleiter', 'certificate', 'further']],
    fr: [['Licence professionnelle', 'bachelor', 'uni'], ['Bachelor of Science HES-SO', 'bachelor', 'uni'], ['Master of Science', 'master', 'uni'], ['Mastère spécialisé', 'master', 'uni'], ['Doctorat ès sciences', 'doctorate', 'uni'], ['CFC de logisticien', 'apprenticeship', 'voc'], ['CFC d\'électronicien', 'apprenticeship', 'voc'], ['DAS en management de la qualité', 'certificate', 'further']],
    it: [['Laurea di primo livello', 'bachelor', 'uni'], ['Bachelor of Science SUPSI', 'bachelor', 'uni'], ['Laurea specialistica', 'master', 'uni'], ['Master universitario di secondo livello', 'master', 'uni'], ['Dottorato', 'doctorate', 'uni'], ['AFC di logistico', 'apprenticeship', 'voc'], ['DAS in gestione aziendale', 'certificate', 'further']],
  },
  fields: {
    en: ['Chemical Engineering', 'Statistics', 'International Relations', 'Architecture', 'Environmental Science', 'Accounting and Finance', 'Software Engineering', 'Industrial Design', 'Geography', 'Operations Research'],
    de: ['Chemieingenieurwesen', 'Statistik', 'Medieninformatik', 'Umweltwissenschaften', 'Wirtschaftsrecht', 'Geoinformatik', 'Verfahrenstechnik', 'Internationale Beziehungen', 'Architektur'],
    fr: ['Génie chimique', 'Statistique', 'Relations internationales', 'Architecture', 'Sciences de l\'environnement', 'Génie logiciel', 'Géographie', 'Droit des affaires'],
    it: ['Ingegneria chimica', 'Statistica', 'Relazioni internazionali', 'Architettura', 'Scienze ambientali', 'Ingegneria del software', 'Geografia', 'Giurisprudenza'],
  },
  // [male, female] or neutral string; t: technical role
  titles: {
    en: ['Solutions Architect', 'Data Platform Engineer', 'Embedded Software Engineer', 'Payroll Specialist', 'Procurement Manager', 'Clinical Data Manager', 'Technical Writer', 'Customer Success Manager', 'Network Engineer', 'Mobile Developer', 'Analytics Engineer', 'Office Manager', 'Sales Engineer', 'Category Manager', 'Platform Engineer', 'Test Automation Engineer'],
    de: [['Lohnbuchhalter', 'Lohnbuchhalterin'], ['Projektkoordinator', 'Projektkoordinatorin'], ['Bauleiter', 'Bauleiterin'], ['Informatiker Systemtechnik', 'Informatikerin Systemtechnik'], ['Einkäufer', 'Einkäuferin'], ['Datenbankentwickler', 'Datenbankentwicklerin'], ['Qualitätsmanager', 'Qualitätsmanagerin'], ['Kundenberater', 'Kundenberaterin'], ['Personalassistent', 'Personalassistentin'], ['Mobile-Entwickler', 'Mobile-Entwicklerin'], ['Cloud Engineer', 'Cloud Engineer'], ['Disponent', 'Disponentin']],
    fr: [['Architecte logiciel', 'Architecte logicielle'], ['Ingénieur réseau', 'Ingénieure réseau'], ['Gestionnaire de paie', 'Gestionnaire de paie'], ['Acheteur', 'Acheteuse'], ['Chargé de clientèle', 'Chargée de clientèle'], ['Développeur mobile', 'Développeuse mobile'], ['Responsable qualité', 'Responsable qualité'], ['Analyste de données', 'Analyste de données'], ['Conducteur de travaux', 'Conductrice de travaux'], ['Assistant de direction', 'Assistante de direction']],
    it: [['Architetto software', 'Architetta software'], ['Ingegnere di rete', 'Ingegnera di rete'], ['Addetto paghe', 'Addetta paghe'], ['Buyer', 'Buyer'], ['Consulente clienti', 'Consulente clienti'], ['Sviluppatore mobile', 'Sviluppatrice mobile'], ['Responsabile qualità', 'Responsabile qualità'], ['Analista dati', 'Analista dati'], ['Capo cantiere', 'Capo cantiere'], ['Assistente di direzione', 'Assistente di direzione']],
  },
  techRe: /Architect|Engineer|Developer|Entwickler|Informatiker|Cloud|Datenbank|Ingénieur|Développeu|Analyste de données|Architetto|Architetta|Ingegner|Sviluppat|Analista dati|Writer|Network/,
  it_skills: ['Snowflake', 'dbt', 'Apache Airflow', 'Grafana', 'Prometheus', 'Helm', 'Svelte', 'Next.js', 'FastAPI', 'Elixir', 'Julia', 'OpenShift', 'Argo CD', 'Pulumi', 'Databricks', 'Looker', 'ServiceNow', 'SharePoint', 'Revit', 'ArchiCAD', 'LabVIEW', 'Simulink', 'Zabbix', 'Nginx', 'RabbitMQ', 'Cassandra', 'Neo4j', 'Flutter', 'Xamarin', 'Oracle Database', 'Informatica', 'Talend', 'Podman', 'Vault', 'Keycloak', 'Dynatrace', 'Splunk', 'Jest', 'Cypress', 'Selenium'],
  biz_it: ['Abacus', 'Bexio', 'DATEV', 'Microsoft Dynamics NAV', 'Qlik', 'SharePoint', 'ServiceNow', 'HubSpot', 'Sage 50', 'Lexware', 'SAP SuccessFactors', 'Microsoft Teams'],
  hard_skills: {
    en: ['Vendor management', 'Payroll accounting', 'Capacity planning', 'Change management', 'Contract law', 'Cost accounting', 'Service design', 'Data governance', 'Incident management', 'Stakeholder management', 'Procurement', 'Regulatory compliance'],
    de: ['Lieferantenmanagement', 'Lohnabrechnung', 'Kapazitätsplanung', 'Change Management', 'Vertragsrecht', 'Kostenrechnung', 'Datenschutz', 'Störungsmanagement', 'Beschaffung', 'Arbeitsvorbereitung', 'Disposition'],
    fr: ['Gestion des fournisseurs', 'Gestion de la paie', 'Planification des capacités', 'Conduite du changement', 'Droit des contrats', 'Comptabilité analytique', 'Gouvernance des données', 'Achats'],
    it: ['Gestione dei fornitori', 'Elaborazione paghe', 'Pianificazione della capacità', 'Gestione del cambiamento', 'Diritto contrattuale', 'Contabilità analitica', 'Governance dei dati', 'Approvvigionamento'],
  },
  soft_skills: {
    en: ['Empathy', 'Negotiation skills', 'Resilience', 'Intercultural competence', 'Coaching', 'Decision making'],
    de: ['Durchsetzungsvermögen', 'Empathie', 'Eigeninitiative', 'Interkulturelle Kompetenz', 'Verhandlungsgeschick', 'Kritikfähigkeit'],
    fr: ['Empathie', 'Esprit d\'initiative', 'Sens du service', 'Capacité d\'adaptation', 'Aisance relationnelle'],
    it: ['Empatia', 'Spirito di iniziativa', 'Orientamento al cliente', 'Capacità di mediazione', 'Resilienza'],
  },
  domains: {
    en: ['Construction', 'Automotive', 'Media', 'Tourism', 'Aviation', 'Food industry'],
    de: ['Baugewerbe', 'Automobilindustrie', 'Medien', 'Tourismus', 'Luftfahrt', 'Lebensmittelindustrie'],
    fr: ['Construction', 'Automobile', 'Médias', 'Tourisme', 'Aéronautique', 'Agroalimentaire'],
    it: ['Edilizia', 'Automotive', 'Media', 'Turismo', 'Aviazione', 'Industria alimentare'],
  },
  langNames: {
    en: { en: 'English', de: 'German', fr: 'French', it: 'Italian', es: 'Spanish', pt: 'Portuguese', nl: 'Dutch', ru: 'Russian', tr: 'Turkish', pl: 'Polish' },
    de: { en: 'Englisch', de: 'Deutsch', fr: 'Französisch', it: 'Italienisch', es: 'Spanisch', pt: 'Portugiesisch', nl: 'Niederländisch', ru: 'Russisch', tr: 'Türkisch', pl: 'Polnisch' },
    fr: { en: 'Anglais', de: 'Allemand', fr: 'Français', it: 'Italien', es: 'Espagnol', pt: 'Portugais', nl: 'Néerlandais', ru: 'Russe', tr: 'Turc', pl: 'Polonais' },
    it: { en: 'Inglese', de: 'Tedesco', fr: 'Francese', it: 'Italiano', es: 'Spagnolo', pt: 'Portoghese', nl: 'Olandese', ru: 'Russo', tr: 'Turco', pl: 'Polacco' },
  },
  // level words per CEFR level, taken from ../../../../shared/contracts/language-levels.md so truth can map them
  levelWords: {
    en: { C2: ['Native', 'Mother tongue', 'Bilingual'], C1: ['Business fluent', 'Excellent', 'Very good'], B2: ['Good', 'Upper intermediate'], B1: ['Conversational', 'Intermediate'], A2: ['Basic', 'Elementary'], A1: ['Beginner'] },
    de: { C2: ['Muttersprache', 'Muttersprachlich', 'Erstsprache'], C1: ['Verhandlungssicher', 'Sehr gut', 'Ausgezeichnet'], B2: ['Gut', 'Gute Kenntnisse'], B1: ['Mittelstufe', 'Erweiterte Grundkenntnisse'], A2: ['Basiskenntnisse', 'Grundkenntnisse'], A1: ['Anfänger'] },
    fr: { C2: ['Langue maternelle', 'Bilingue'], C1: ['Couramment', 'Excellent', 'Très bien'], B2: ['Bon', 'Bonnes connaissances'], B1: ['Intermédiaire', 'Connaissances moyennes'], A2: ['Notions', 'Élémentaire'], A1: ['Débutant'] },
    it: { C2: ['Madrelingua', 'Lingua madre'], C1: ['Ottimo', 'Eccellente', 'Ottima conoscenza'], B2: ['Buono', 'Buona conoscenza'], B1: ['Discreto', 'Intermedio'], A2: ['Elementare', 'Conoscenza di base'], A1: ['Principiante'] },
  },
  hobbies: {
    en: ['Bouldering', 'Woodworking', 'Birdwatching', 'Trail running', 'Pottery', 'Amateur astronomy', 'Choir singing', 'Kayaking', 'Beekeeping', 'Baking'],
    de: ['Bouldern', 'Schreinern', 'Vogelbeobachtung', 'Trailrunning', 'Töpfern', 'Astronomie', 'Chorsingen', 'Kajakfahren', 'Imkerei', 'Backen'],
    fr: ['Escalade de bloc', 'Menuiserie', 'Ornithologie', 'Trail', 'Poterie', 'Astronomie', 'Chant choral', 'Kayak', 'Apiculture', 'Pâtisserie'],
    it: ['Boulder', 'Falegnameria', 'Birdwatching', 'Trail running', 'Ceramica', 'Astronomia', 'Canto corale', 'Kayak', 'Apicoltura', 'Pasticceria'],
  },
  companySuffix: { CH: ['AG', 'GmbH', 'SA', 'Sagl', 'Genossenschaft'], DE: ['GmbH', 'AG', 'KG', 'UG'], FR: ['SAS', 'SA', 'SCOP'], IT: ['S.p.A.', 'S.r.l.', 'S.n.c.'], GB: ['Ltd', 'LLP', 'plc'], US: ['Inc.', 'LLC', 'Co.'] },
  companyWord: {
    en: ['Robotics', 'Foods', 'Mobility', 'Media Group', 'Biotech', 'Aerospace', 'Packaging', 'Instruments', 'Outsourcing', 'Labs'],
    de: ['Elektro', 'Bau', 'Mobilität', 'Verpackungen', 'Messtechnik', 'Gastro', 'Holzbau', 'Treuhand', 'Automation', 'Druck'],
    fr: ['Robotique', 'Alimentaire', 'Mobilité', 'Emballages', 'Instruments', 'Bâtiment', 'Horlogerie', 'Imprimerie'],
    it: ['Robotica', 'Alimentari', 'Mobilità', 'Imballaggi', 'Strumenti', 'Costruzioni', 'Orologeria', 'Tipografia'],
  },
  civil: { en: ['single', 'married', 'in a civil partnership'], de: ['ledig', 'verheiratet', 'verwitwet'], fr: ['célibataire', 'marié', 'pacsé'], it: ['nubile', 'sposato', 'celibe'] },
  availability: { en: ['from January 2026', 'one month notice'], de: ['per sofort', 'ab 1. Januar 2026'], fr: ['immédiatement', 'dès janvier 2026'], it: ['da gennaio 2026', 'immediata'] },
};

// Sentences; t| technical roles, b| business roles, g| any role.
export const SENT = {
  en: {
    bullets: ['t|Rebuilt the {it} deployment pipeline, reducing release time from days to {n} hours.', 't|Introduced {it} monitoring for {n} production systems.', 'g|Coordinated a cross-site working group of {n} colleagues.', 'g|Wrote the operating handbook for {hard}.', 'b|Cut supplier costs by {pct}% through renegotiated contracts.', 'b|Handled payroll for about {n0} employees per month.', 'g|Presented quarterly results to the executive board.', 't|Moved {n} legacy services to {it} without downtime.', 'g|Trained {n} new hires in {hard}.', 'b|Set up a reporting cockpit in {bi} for the regional managers.'],
    summary: ['g|Part of the {domain} division.', 't|Worked on the {it} platform team.', 'b|Reported directly to the head of {domain}.'],
    profile: ['{title} with {y} years in {domain}, known for {hard} and hands-on work with {it}.', 'I am a {title} with a background in {domain}; {y} years of practice in {hard}.'],
  },
  de: {
    bullets: ['t|Neuaufbau der {it}-Deployment-Pipeline; Releasezeit von Tagen auf {n} Stunden verkürzt.', 't|Einführung von {it}-Monitoring für {n} produktive Systeme.', 'g|Koordination einer standortübergreifenden Arbeitsgruppe mit {n} Personen.', 'g|Verfassen des Betriebshandbuchs für {hard}.', 'b|Senkung der Lieferantenkosten um {pct}% durch Neuverhandlung.', 'b|Monatliche Lohnabrechnung für rund {n0} Mitarbeitende.', 'g|Präsentation der Quartalszahlen vor der Geschäftsleitung.', 't|Migration von {n} Altsystemen nach {it} ohne Ausfallzeit.', 'g|Schulung von {n} neuen Mitarbeitenden in {hard}.', 'b|Aufbau eines Reporting-Cockpits in {bi} für die Regionalleitungen.'],
    summary: ['g|Tätig in der Sparte {domain}.', 't|Mitglied des {it}-Plattformteams.', 'b|Direkt unterstellt der Leitung {domain}.'],
    profile: ['{title} mit {y} Jahren Praxis in der Branche {domain}; Schwerpunkte {hard} und {it}.', 'Engagierte Fachperson ({title}) mit {y} Jahren Erfahrung im Bereich {domain}.'],
  },
  fr: {
    bullets: ['t|Refonte de la chaîne de déploiement {it} : mise en production ramenée à {n} heures.', 't|Mise en place de la supervision {it} pour {n} systèmes.', 'g|Animation d\'un groupe de travail de {n} collègues sur plusieurs sites.', 'g|Rédaction du manuel d\'exploitation ({hard}).', 'b|Baisse des coûts fournisseurs de {pct} % après renégociation.', 'b|Traitement de la paie de près de {n0} salariés par mois.', 'g|Présentation des résultats trimestriels à la direction.', 't|Migration de {n} applications vers {it} sans interruption.'],
    summary: ['g|Rattaché(e) à la division {domain}.', 't|Membre de l\'équipe plateforme {it}.'],
    profile: ['{title} avec {y} ans d\'expérience dans le secteur {domain}, spécialisé(e) en {hard}.', '{title} depuis {y} ans, passionné(e) par {hard} et {it}.'],
  },
  it: {
    bullets: ['t|Rifacimento della pipeline di rilascio {it}: tempi ridotti a {n} ore.', 't|Introduzione del monitoraggio {it} per {n} sistemi.', 'g|Coordinamento di un gruppo di lavoro di {n} colleghi su più sedi.', 'g|Stesura del manuale operativo ({hard}).', 'b|Riduzione dei costi dei fornitori del {pct}% grazie a nuovi contratti.', 'b|Elaborazione mensile delle paghe per circa {n0} dipendenti.', 'g|Presentazione dei risultati trimestrali alla direzione.', 't|Migrazione di {n} applicazioni verso {it} senza interruzioni.'],
    summary: ['g|Attivo nella divisione {domain}.', 't|Membro del team piattaforma {it}.'],
    profile: ['{title} con {y} anni di esperienza nel settore {domain}, con competenze in {hard}.', '{title} da {y} anni, con una forte passione per {hard} e {it}.'],
  },
};
