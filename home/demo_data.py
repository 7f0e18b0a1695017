"""Swedish demo content for the home page, site settings, generic pages and news."""

# All contact details below (address, phone, e-mail) are fictional demo data.

HOME = {
    "title": "Överenskommelsens studieplattform",
    "intro": (
        "Studiematerial och stöd för studiecirklar om Överenskommelsen mellan "
        "regeringen, SKR och idéburna organisationer inom det sociala området."
    ),
    "search_description": (
        "Studiecirklar om Överenskommelsen för studieförbund, idéburna "
        "organisationer, kommuner och regioner – principer, studiematerial och "
        "nyheter."
    ),
    "body": [
        ("heading", "Samverkan som gör skillnad"),
        (
            "paragraph",
            "<p>Överenskommelsen tecknades hösten 2008 av regeringen, Sveriges "
            "Kommuner och Landsting (i dag Sveriges Kommuner och Regioner) och "
            "idéburna organisationer inom det sociala området. Den bygger på sex "
            "principer: självständighet och oberoende, dialog, kvalitet, "
            "långsiktighet, öppenhet och insyn samt mångfald.</p>"
            "<p>Här hittar studieförbund, cirkelledare och deltagare material för "
            "att föra ut Överenskommelsen i det lokala arbetet – i föreningar, "
            "förvaltningar och nämnder.</p>",
        ),
        (
            "fact_box",
            {
                "title": "Kom igång med en studiecirkel",
                "text": (
                    "<p>Välj en av studiemodulerna och kontakta ditt lokala "
                    "studieförbund. Materialet är fritt att använda och passar både "
                    "för idéburna organisationer och för politiker och tjänstemän i "
                    "kommuner och regioner.</p>"
                ),
            },
        ),
    ],
}


SITE_SETTINGS = {
    # Demo data: fictional address and contact details.
    "organisation_name": "Kansliet för Överenskommelsen",
    "street_address": "Exempelgatan 12",
    "postal_code": "111 22",
    "city": "Stockholm",
    "email": "kansliet@example.se",
    "phone": "08-123 45 67",
    "opening_hours": "Vardagar 9–16",
}


PAGES = [
    {
        "title": "Om studieplattformen",
        "slug": "om",
        "intro": (
            "Överenskommelsens studieplattform samlar studiematerial om "
            "Överenskommelsen för studiecirklar i hela landet."
        ),
        "search_description": (
            "Om studieplattformen: studiematerial om Överenskommelsen för "
            "cirkelledare, kommunhandläggare och idéburna organisationer."
        ),
        "body": [
            ("heading", "Vad är studieplattformen?"),
            (
                "paragraph",
                "<p>Studieplattformen är en webbplats med studiematerial om "
                "Överenskommelsen mellan regeringen, Sveriges Kommuner och Regioner "
                "och idéburna organisationer inom det sociala området. Här finns "
                "studiemoduler med färdiga upplägg för träffar, sidor om "
                "Överenskommelsens sex principer och nyheter från kansliet.</p>"
                "<p>Allt material är fritt att använda. Varje studiemodul innehåller "
                "mål, läsanvisningar, samtalsfrågor och övningar för varje träff, "
                "och den finns också i en utskriftsversion.</p>",
            ),
            ("heading", "För vem?"),
            (
                "paragraph",
                "<p>Plattformen vänder sig framför allt till:</p>"
                "<ul>"
                "<li><strong>Cirkelledare</strong> som leder studiecirklar om "
                "Överenskommelsen och behöver upplägg, frågor, övningar och råd "
                "inför varje träff.</li>"
                "<li><strong>Kommunhandläggare</strong> och andra tjänstemän och "
                "politiker i kommuner och regioner som vill utveckla samverkan med "
                "civilsamhället.</li>"
                "<li><strong>Idéburna organisationer</strong> – anställda, "
                "förtroendevalda och ideella – som vill veta mer om sina möjligheter "
                "att samverka och påverka.</li>"
                "</ul>",
            ),
            ("heading", "Så använder studieförbunden materialet"),
            (
                "paragraph",
                "<p>Studieförbunden erbjuder studiecirklar utifrån materialet, lokalt "
                "och regionalt. Ofta sker det tillsammans med en kommun, en region "
                "eller en grupp föreningar som vill lära sig mer tillsammans. "
                "Studieförbundet kan hjälpa till med cirkelledare, lokal och "
                "planering.</p>"
                "<p>Materialet kan också användas fritt vid egna träffar, på "
                "utbildningsdagar eller som underlag för samtal i en förvaltning "
                "eller en föreningsstyrelse.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "Vem står bakom?",
                    "text": (
                        "<p>Studieplattformen drivs av Kansliet för Överenskommelsen i "
                        "samarbete med studieförbunden. Innehållet bygger på "
                        "Överenskommelsens text och på erfarenheter från "
                        "studiecirklar runt om i landet.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "title": "Kontakta kansliet",
        "slug": "kontakt",
        "intro": (
            "Har du frågor om Överenskommelsen eller om studiematerialet? Kansliet "
            "hjälper gärna till."
        ),
        "search_description": (
            "Kontakta Kansliet för Överenskommelsen om studiematerial, lokala "
            "överenskommelser, stöd till cirkelledare och webbplatsen."
        ),
        "body": [
            ("heading", "Så når du oss"),
            (
                "paragraph",
                "<p>Du når kansliet via e-post på "
                '<a href="mailto:kansliet@example.se">kansliet@example.se</a> eller '
                "på telefon 08-123 45 67, vardagar klockan 9–16. Vi svarar på "
                "e-post inom tre arbetsdagar.</p>"
                "<p>Besöksadress: Exempelgatan 12, 111 22 Stockholm. Vill du träffa "
                "oss, boka gärna en tid i förväg.</p>",
            ),
            ("heading", "Det här kan kansliet hjälpa till med"),
            (
                "paragraph",
                "<ul>"
                "<li>Frågor om Överenskommelsen, dess principer och hur den följs "
                "upp.</li>"
                "<li>Stöd till kommuner, regioner och idéburna organisationer som vill "
                "ta fram eller utveckla en lokal överenskommelse.</li>"
                "<li>Frågor om studiematerialet och tips till cirkelledare.</li>"
                "<li>Synpunkter på webbplatsen, bland annat på dess "
                "tillgänglighet.</li>"
                "</ul>"
                "<p>Vill du gå en studiecirkel? Kontakta ditt lokala studieförbund – "
                "det är studieförbunden som ordnar cirklarna.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "Demouppgifter",
                    "text": (
                        "<p>Det här är en demoversion av webbplatsen. Adress, "
                        "telefonnummer och e-postadress är exempeluppgifter.</p>"
                    ),
                },
            ),
        ],
    },
]


ACCESSIBILITY_STATEMENT = {
    "title": "Tillgänglighetsredogörelse",
    "slug": "tillganglighet",
    "intro": (
        "Kansliet för Överenskommelsen står bakom den här webbplatsen. Vi vill att "
        "så många som möjligt ska kunna använda den."
    ),
    "search_description": (
        "Tillgänglighetsredogörelse för Överenskommelsens studieplattform: kända "
        "brister, hur du rapporterar problem och hur du kontaktar DIGG."
    ),
    "body": [
        (
            "paragraph",
            "<p>Kansliet för Överenskommelsen står bakom den här webbplatsen. Vi vill "
            "att så många som möjligt ska kunna använda webbplatsen. Den här "
            "redogörelsen beskriver hur Överenskommelsens studieplattform uppfyller "
            "lagen (2018:1937) om tillgänglighet till digital offentlig service, "
            "vilka kända tillgänglighetsproblem som finns och hur du kan rapportera "
            "brister till oss så att vi kan åtgärda dem.</p>",
        ),
        ("heading", "Hur tillgänglig är webbplatsen?"),
        (
            "paragraph",
            "<p>Vi är medvetna om att delar av webbplatsen inte är helt "
            "tillgängliga. Se avsnittet om innehåll som inte är tillgängligt nedan "
            "för mer information.</p>",
        ),
        ("heading", "Vad kan du göra om du inte kan använda delar av webbplatsen?"),
        (
            "paragraph",
            "<p>Om du behöver innehåll från webbplatsen i ett annat format, till "
            "exempel ett studiematerial som tillgänglig textfil eller en "
            "textversion av en video, kan du kontakta oss:</p>"
            "<ul>"
            '<li>E-post: <a href="mailto:kansliet@example.se">kansliet@example.se</a></li>'
            "<li>Telefon: 08-123 45 67 (vardagar 9–16)</li>"
            "</ul>"
            "<p>Vi svarar normalt inom fem arbetsdagar.</p>",
        ),
        ("heading", "Rapportera brister i webbplatsens tillgänglighet"),
        (
            "paragraph",
            "<p>Vi strävar hela tiden efter att förbättra webbplatsens "
            "tillgänglighet. Om du upptäcker problem som inte beskrivs på den här "
            "sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss "
            "så att vi får veta att problemet finns.</p>"
            '<p>Kontakta oss via e-post på <a href="mailto:kansliet@example.se">'
            "kansliet@example.se</a> eller på telefon 08-123 45 67. Vi bekräftar att "
            "vi har tagit emot ditt meddelande och svarar normalt inom fem "
            "arbetsdagar.</p>",
        ),
        ("heading", "Tillsyn"),
        (
            "paragraph",
            "<p>Myndigheten för digital förvaltning (DIGG) ansvarar för tillsyn för "
            "lagen om tillgänglighet till digital offentlig service. Om du inte är "
            "nöjd med hur vi hanterar dina synpunkter kan du kontakta DIGG och "
            "påtala det. Det gör du via "
            '<a href="https://www.digg.se/tdosanmalan">DIGG:s webbformulär för '
            "anmälan av bristande tillgänglighet</a>.</p>",
        ),
        ("heading", "Teknisk information om webbplatsens tillgänglighet"),
        (
            "paragraph",
            "<p>Den här webbplatsen är <strong>delvis förenlig</strong> med lagen om "
            "tillgänglighet till digital offentlig service och med WCAG 2.1 nivå AA, "
            "på grund av de brister som beskrivs nedan.</p>",
        ),
        ("heading", "Innehåll som inte är tillgängligt"),
        (
            "paragraph",
            "<p>Det innehåll som beskrivs nedan är på ett eller annat sätt inte helt "
            "tillgängligt.</p>"
            "<ul>"
            "<li><strong>Äldre PDF-dokument i studiematerialet.</strong> Några äldre "
            "PDF-dokument saknar korrekt struktur, så att rubriker och listor inte "
            "uppfattas rätt av skärmläsare, och i vissa av dem är dokumentets språk "
            "inte angivet. Det strider mot WCAG 2.1, framgångskriterierna 1.3.1 och "
            "3.1.1. Vi ersätter dokumenten med tillgängliga versioner i takt med att "
            "materialet revideras. Det mesta av innehållet finns också som vanliga "
            "webbsidor.</li>"
            "<li><strong>Inbäddade videor från samarbetspartner.</strong> En del "
            "videor som vi har fått från samarbetspartner och bäddat in på "
            "webbplatsen saknar svensk textning. Det strider mot WCAG 2.1, "
            "framgångskriterium 1.2.2. Vi arbetar tillsammans med partnerna för att "
            "få videorna textade. Till dess kan du beställa en textversion från "
            "kansliet.</li>"
            "<li><strong>Utskriftsversioner av studiemodulerna.</strong> "
            "Utskriftsversionerna är gjorda för att skrivas ut på papper. Om du "
            "sparar en utskriftsversion som PDF får filen inte full struktur för "
            "skärmläsare, och länkar visas som utskrivna webbadresser. Samma "
            "innehåll finns alltid som vanliga webbsidor, och vi rekommenderar dem "
            "för läsning på skärm.</li>"
            "</ul>",
        ),
        ("heading", "Hur vi testat webbplatsen"),
        (
            "paragraph",
            "<p>Vi har gjort en självskattning (intern testning) av webbplatsen. "
            "Testningen omfattade:</p>"
            "<ul>"
            "<li>automatiserade tester med verktyget axe på varje sidtyp, bland annat "
            "startsidan, innehållssidor, principsidor, studiemoduler, nyhetslistan, "
            "nyhetsartiklar och sökresultat</li>"
            "<li>manuell testning av att allt innehåll och alla funktioner går att "
            "nå och använda med enbart tangentbord</li>"
            "<li>manuell testning med skärmläsare på dator och mobil</li>"
            "</ul>"
            "<p>Senaste bedömningen gjordes 2026-11-20.</p>"
            "<p>Redogörelsen uppdaterades senast 2026-11-22.</p>",
        ),
    ],
}


NEWS_CATEGORIES = {"nyhet": "Nyhet", "inbjudan": "Inbjudan", "rapport": "Rapport"}


PRIVACY_POLICY = {
    "title": "Integritetspolicy",
    "slug": "integritetspolicy",
    "intro": (
        "Så behandlar vi personuppgifter på Överenskommelsens studieplattform: vilka "
        "uppgifter vi sparar, varför, hur länge och vilka rättigheter du har."
    ),
    "search_description": (
        "Integritetspolicy för Överenskommelsens studieplattform: vilka "
        "personuppgifter som sparas, varför och hur länge, och hur du får ut eller "
        "raderar dem."
    ),
    "body": [
        ("heading", "Vem ansvarar för dina personuppgifter?"),
        (
            "paragraph",
            "<p>Kansliet för Överenskommelsen är personuppgiftsansvarigt för "
            "webbplatsen. Du når oss på "
            '<a href="mailto:kansliet@example.se">kansliet@example.se</a> eller på '
            "telefon 08-123 45 67.</p>"
            "<p>Du som bara läser på webbplatsen lämnar inga personuppgifter: vi "
            "för ingen besöksstatistik och sätter inga kakor (cookies). Kakor används "
            "först när du loggar in eller fyller i ett formulär, för att hålla dig "
            "inloggad och skydda formuläret.</p>",
        ),
        ("heading", "Vilka personuppgifter vi sparar"),
        (
            "paragraph",
            "<p>Listan nedan hämtas direkt från webbplatsens register över "
            "personuppgifter, samma register som styr vad webbplatsen sparar, lämnar "
            "ut och tar bort. Den stämmer därför alltid med hur webbplatsen faktiskt "
            "fungerar.</p>",
        ),
        ("personal_data_register", None),
        ("heading", "Dina rättigheter"),
        (
            "paragraph",
            "<p>Du har rätt att få veta vilka uppgifter vi har om dig och att få en "
            "kopia av dem, att få felaktiga uppgifter rättade och att få uppgifterna "
            "raderade. Du kan också invända mot att vi behandlar dem.</p>"
            "<p>Skriv till kansliet från den e-postadress du har använt på "
            "webbplatsen. Vi skickar dig då allt vi har om dig som en fil, eller "
            "raderar det, normalt inom en månad. När något raderas antecknar vi att "
            "det har gjorts, men inte vad det var.</p>",
        ),
        ("heading", "Om du inte är nöjd"),
        (
            "paragraph",
            "<p>Om du tycker att vi behandlar dina personuppgifter fel kan du "
            "kontakta oss, och du kan alltid klaga hos "
            '<a href="https://www.imy.se/">Integritetsskyddsmyndigheten (IMY)</a>.</p>',
        ),
    ],
}

NEWS = [
    {
        "title": "Studieplattformen öppnar för studieförbunden",
        "slug": "studieplattformen-oppnar",
        "date": "2026-03-09",
        "category": "nyhet",
        "intro": (
            "Nu finns Överenskommelsens studieplattform på plats. Här samlas "
            "studiematerial för studiecirklar om hur Överenskommelsen kan användas "
            "lokalt."
        ),
        "body": [
            (
                "paragraph",
                "<p>Kansliet för Överenskommelsen lanserar i dag en ny "
                "studieplattform, framtagen tillsammans med studieförbunden. "
                "Plattformen innehåller studiemoduler med färdiga upplägg för "
                "träffar, sidor om Överenskommelsens sex principer och råd till "
                "cirkelledare.</p>"
                "<p>Målet är att fler ska känna till Överenskommelsen och använda "
                "den i praktiken – i föreningar, förvaltningar och nämnder runt om i "
                "landet.</p>",
            ),
            ("heading", "Två moduler att börja med"),
            (
                "paragraph",
                "<p>I ett första skede finns två studiemoduler:</p>"
                "<ul>"
                "<li>Överenskommelsen i vår kommun</li>"
                "<li>Dialog och inflytande – idéburna organisationer och kommunen</li>"
                "</ul>"
                "<p>En modul om idéburet offentligt partnerskap publiceras under "
                "våren.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "Studiecirkeln är en beprövad form för att lära tillsammans. "
                        "Den passar utmärkt för att göra Överenskommelsen till något "
                        "som lever lokalt."
                    ),
                    "attribution": "Kansliet för Överenskommelsen",
                },
            ),
        ],
    },
    {
        "title": "Webbinarium för cirkelledare den 21 april",
        "slug": "webbinarium-for-cirkelledare",
        "date": "2026-03-24",
        "category": "inbjudan",
        "intro": (
            "Kansliet bjuder in cirkelledare och studieförbundens "
            "verksamhetsutvecklare till ett webbinarium om hur studiematerialet kan "
            "användas."
        ),
        "body": [
            (
                "paragraph",
                "<p>Vill du leda en studiecirkel om Överenskommelsen men är osäker på "
                "var du ska börja? Välkommen till ett webbinarium där vi går igenom "
                "studiematerialet, delar tips om hur man leder samtal om samverkan "
                "och svarar på dina frågor.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "Praktisk information",
                    "text": (
                        "<ul>"
                        "<li><strong>När:</strong> tisdag 21 april 2026 kl. "
                        "13.00–14.30</li>"
                        "<li><strong>Var:</strong> digitalt, länken skickas efter "
                        "anmälan</li>"
                        "<li><strong>Anmälan:</strong> senast 14 april till "
                        '<a href="mailto:kansliet@example.se">kansliet@example.se</a>'
                        "</li>"
                        "<li><strong>Kostnad:</strong> kostnadsfritt</li>"
                        "</ul>"
                    ),
                },
            ),
            (
                "paragraph",
                "<p>Webbinariet spelas inte in, men presentationen skickas till alla "
                "anmälda efteråt. Meddela oss i anmälan om du behöver tolkning eller "
                "textning.</p>",
            ),
        ],
    },
    {
        "title": "Ny studiemodul om idéburet offentligt partnerskap",
        "slug": "ny-studiemodul-om-iop",
        "date": "2026-04-15",
        "category": "nyhet",
        "intro": (
            "Nu kan studieförbunden erbjuda studiecirklar om idéburet offentligt "
            "partnerskap, IOP. Den nya modulen vänder sig både till idéburna "
            "organisationer och till kommuner och regioner."
        ),
        "body": [
            (
                "paragraph",
                "<p>Intresset för idéburet offentligt partnerskap är stort, och många "
                "har efterfrågat ett material som kan användas lokalt. Den nya "
                "studiemodulen består av fem träffar som tar deltagarna från frågan "
                "om vad ett IOP är till hur ett partnerskap kan följas upp.</p>",
            ),
            (
                "paragraph",
                "<p>Modulen betonar att IOP inte är rätt form för allt. Deltagarna "
                "övar på att skilja mellan bidrag, upphandling och partnerskap och "
                "på att formulera vilka frågor som behöver besvaras innan man väljer "
                "form. Där behövs ofta kommunens jurister och upphandlare.</p>",
            ),
            (
                "discussion_question",
                {
                    "question": (
                        "Finns det en verksamhet i din kommun som skulle kunna "
                        "utvecklas i ett partnerskap?"
                    ),
                    "hint": "Modulens tredje träff hjälper er att göra en första skiss.",
                },
            ),
        ],
    },
    {
        "title": "Lokala överenskommelser – erfarenheter från kommuner och regioner",
        "slug": "rapport-lokala-overenskommelser",
        "date": "2026-05-12",
        "category": "rapport",
        "intro": (
            "En ny sammanställning från kansliet beskriver hur kommuner och regioner "
            "arbetar med lokala överenskommelser och vad som gör att de lever "
            "vidare."
        ),
        "body": [
            (
                "paragraph",
                "<p>Kansliet har under vintern samtalat med företrädare för kommuner, "
                "regioner och idéburna organisationer om deras arbete med lokala "
                "överenskommelser. Sammanställningen bygger på intervjuer och "
                "gruppsamtal. Den gör inte anspråk på att ge en heltäckande bild, men "
                "den visar tydliga mönster.</p>",
            ),
            ("heading", "Det här gör skillnad"),
            (
                "paragraph",
                "<ul>"
                "<li><strong>En gemensam process.</strong> Där överenskommelsen har "
                "tagits fram tillsammans, och inte bara skickats ut på remiss till "
                "föreningarna, upplevs den som mer levande.</li>"
                "<li><strong>En handlingsplan.</strong> Överenskommelser med en "
                "konkret plan och utsedda ansvariga följs oftare upp.</li>"
                "<li><strong>Återkommande mötesplatser.</strong> Ett årligt "
                "dialogforum håller frågorna vid liv även när personer byts ut.</li>"
                "<li><strong>Politisk förankring.</strong> När både förtroendevalda "
                "och tjänstemän är med blir det lättare att omsätta "
                "överenskommelsen i beslut.</li>"
                "</ul>",
            ),
            (
                "fact_box",
                {
                    "title": "Beställ sammanställningen",
                    "text": (
                        "<p>Sammanställningen kan beställas från kansliet. Den "
                        "fungerar bra som underlag i studiemodulen "
                        "<em>Överenskommelsen i vår kommun</em>.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "title": "Regional träff om lokala överenskommelser i Göteborg",
        "slug": "regional-traff-goteborg",
        "date": "2026-06-02",
        "category": "inbjudan",
        "intro": (
            "Välkommen till en regional träff för kommuner, regioner, idéburna "
            "organisationer och studieförbund i västra Sverige."
        ),
        "body": [
            (
                "paragraph",
                "<p>Hur kommer man i gång med en lokal överenskommelse – och hur "
                "håller man liv i den? På träffen delar kommuner och organisationer "
                "med sig av sina erfarenheter, och vi arbetar i workshoppar med "
                "frågor som deltagarna själva tar med sig.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "Praktisk information",
                    "text": (
                        "<ul>"
                        "<li><strong>När:</strong> torsdag 17 september 2026 kl. "
                        "9.30–15.30</li>"
                        "<li><strong>Var:</strong> Göteborg, lokalen meddelas efter "
                        "anmälan</li>"
                        "<li><strong>För vem:</strong> politiker och tjänstemän i "
                        "kommuner och regioner samt företrädare för idéburna "
                        "organisationer och studieförbund</li>"
                        "<li><strong>Anmälan:</strong> senast 31 augusti till "
                        '<a href="mailto:kansliet@example.se">kansliet@example.se</a>'
                        "</li>"
                        "</ul>"
                        "<p>Träffen är kostnadsfri och lunch ingår. Meddela behov av "
                        "specialkost eller tillgänglighetsanpassning i anmälan.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                "<p>Kom gärna i sällskap – helst både någon från kommunen och någon "
                "från en förening. Då blir det lättare att ta med sig idéerna "
                "hem.</p>",
            ),
        ],
    },
    {
        "title": "Dags att planera höstens studiecirklar",
        "slug": "planera-hostens-studiecirklar",
        "date": "2026-08-24",
        "category": "nyhet",
        "intro": (
            "Hösten är en bra tid att starta en studiecirkel om Överenskommelsen. "
            "Här är några tips för att komma i gång."
        ),
        "body": [
            (
                "paragraph",
                "<p>Under hösten arbetar många kommuner och regioner med budget och "
                "planer för nästa år. Det gör hösten till en bra tid att samlas kring "
                "frågor om samverkan, så att idéerna från cirkeln kan komma med i "
                "planeringen.</p>",
            ),
            ("heading", "Så kommer ni i gång"),
            (
                "paragraph",
                "<ol>"
                "<li>Välj en modul som passar gruppens behov och förkunskaper.</li>"
                "<li>Kontakta ert lokala studieförbund, som kan hjälpa till med "
                "cirkelledare och lokal.</li>"
                "<li>Bjud in brett – både från föreningar och från kommunen eller "
                "regionen.</li>"
                "<li>Boka in alla träffar från början, gärna med två till tre veckors "
                "mellanrum.</li>"
                "</ol>",
            ),
            (
                "quote",
                {
                    "text": (
                        "Det bästa med cirkeln var att vi fick tid att prata med "
                        "varandra, inte bara om varandra."
                    ),
                    "attribution": "Deltagare i en studiecirkel under våren",
                },
            ),
        ],
    },
    {
        "title": "Erfarenheter från vårens studiecirklar",
        "slug": "erfarenheter-fran-varens-studiecirklar",
        "date": "2026-10-07",
        "category": "rapport",
        "intro": (
            "Cirkelledare och deltagare har lämnat synpunkter på studiematerialet. "
            "Här sammanfattar vi vad de tyckte och vad vi ändrar."
        ),
        "body": [
            (
                "paragraph",
                "<p>Under våren genomfördes de första studiecirklarna med materialet "
                "på plattformen. Kansliet har tagit del av utvärderingar från "
                "cirkelledare och deltagare och har gått igenom synpunkterna "
                "tillsammans med studieförbunden.</p>",
            ),
            ("heading", "Det här uppskattades"),
            (
                "paragraph",
                "<p>Många lyfter fram värdet av blandade grupper, där personer från "
                "föreningar och från kommunen möts på lika villkor. Övningarna med "
                "samverkanskartan och partnerskapsskissen nämns ofta som särskilt "
                "givande.</p>",
            ),
            ("heading", "Det här ändrar vi"),
            (
                "paragraph",
                "<ul>"
                "<li>Flera cirkelledare tyckte att träffarna som tar upp tre principer "
                "var för fullspäckade. Vi har därför lagt till tydligare förslag på "
                "tidsfördelning.</li>"
                "<li>Några efterfrågade fler exempel från mindre kommuner. Sådana "
                "exempel läggs till under vintern.</li>"
                "<li>Utskriftsversionerna har fått större text och tydligare "
                "rubriker.</li>"
                "</ul>",
            ),
        ],
    },
    {
        "title": "Digital dialogdag inför nästa uppföljning av Överenskommelsen",
        "slug": "dialogdag-infor-uppfoljningen",
        "date": "2026-11-04",
        "category": "inbjudan",
        "intro": (
            "Parterna följer regelbundet upp hur Överenskommelsen fungerar. Nu "
            "bjuder kansliet in till en digital dialogdag där du kan bidra med dina "
            "erfarenheter."
        ),
        "body": [
            (
                "paragraph",
                "<p>Överenskommelsen följs upp regelbundet, och ungefär vart femte år "
                "görs en större uppföljning. Inför nästa uppföljning vill kansliet "
                "samla erfarenheter från dem som arbetar med Överenskommelsen lokalt "
                "– i föreningar, kommuner, regioner och studieförbund.</p>",
            ),
            (
                "paragraph",
                "<p>Under dialogdagen samtalar vi i mindre grupper utifrån de sex "
                "principerna: Vad fungerar? Vad har blivit svårare? Vad behöver "
                "parterna göra härnäst? Synpunkterna sammanställs och lämnas till "
                "parterna som underlag.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "Praktisk information",
                    "text": (
                        "<ul>"
                        "<li><strong>När:</strong> torsdag 3 december 2026 kl. "
                        "9.00–12.00</li>"
                        "<li><strong>Var:</strong> digitalt, länken skickas efter "
                        "anmälan</li>"
                        "<li><strong>Anmälan:</strong> senast 25 november till "
                        '<a href="mailto:kansliet@example.se">kansliet@example.se</a>'
                        "</li>"
                        "</ul>"
                        "<p>Har du inte möjlighet att delta? Skicka gärna dina "
                        "synpunkter till kansliet via e-post.</p>"
                    ),
                },
            ),
        ],
    },
]
