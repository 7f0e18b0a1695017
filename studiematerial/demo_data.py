"""Swedish demo content for the agreement, its six principles and the study modules."""

AGREEMENT = {
    "title": "Överenskommelsen",
    "slug": "overenskommelsen",
    "intro": (
        "Överenskommelsen är en nationell överenskommelse mellan regeringen, "
        "Sveriges Kommuner och Regioner (SKR) och idéburna organisationer inom "
        "det sociala området. Den tecknades hösten 2008 och bygger på sex "
        "principer för hur parterna ska samverka."
    ),
    "search_description": (
        "Om Överenskommelsen från 2008 mellan regeringen, SKR och idéburna "
        "organisationer inom det sociala området – parter, principer, historik "
        "och uppföljning."
    ),
    "vision": (
        "<p>Överenskommelsen ska stärka de idéburna organisationernas roll som "
        "röstbärare och opinionsbildare och deras möjligheter att utveckla "
        "verksamhet inom det sociala området. Den utgår från att ett livskraftigt "
        "civilsamhälle är en förutsättning för demokratin och för ett gott "
        "samhälle.</p>"
        "<p>Parterna är överens om att idéburna organisationer bidrar med något "
        "eget: engagemang, nätverk och erfarenheter från människor som annars "
        "sällan hörs. Samverkan ska därför bygga på respekt för organisationernas "
        "särart, så att de kan samarbeta med det offentliga utan att förlora sin "
        "självständighet.</p>"
        "<p>Överenskommelsen är inte ett juridiskt bindande avtal utan en "
        "gemensam avsiktsförklaring. Dess kraft ligger i att den används – när "
        "kommuner, regioner och idéburna organisationer gör den till utgångspunkt "
        "för lokala överenskommelser och för det dagliga samarbetet.</p>"
    ),
    "parties": [
        {
            "name": "Regeringen",
            "description": (
                "Regeringen företräder staten i Överenskommelsen. Den ansvarar för "
                "de nationella förutsättningarna för idéburna organisationer, bland "
                "annat genom politiken för det civila samhället och genom statliga "
                "bidrag."
            ),
        },
        {
            "name": "Sveriges Kommuner och Regioner (SKR), tidigare SKL",
            "description": (
                "SKR, som fram till 2019 hette Sveriges Kommuner och Landsting (SKL), "
                "är en arbetsgivar- och intresseorganisation för Sveriges kommuner "
                "och regioner. SKR fattar inte beslut åt sina medlemmar men verkar "
                "för att kommuner och regioner ska använda Överenskommelsen i sitt "
                "eget arbete."
            ),
        },
        {
            "name": "De idéburna organisationerna inom det sociala området",
            "description": (
                "Idéburna organisationer inom det sociala området ansluter sig till "
                "Överenskommelsen genom att ställa sig bakom den. Bland dem finns "
                "både riksorganisationer och små lokala föreningar, med verksamhet "
                "inom till exempel socialt stöd, hälsa, funktionsrätt och arbete "
                "mot utanförskap."
            ),
        },
    ],
    "history": [
        {
            "year": 2008,
            "text": (
                "Regeringen, Sveriges Kommuner och Landsting och idéburna "
                "organisationer inom det sociala området tecknar Överenskommelsen "
                "under hösten. Den bygger på sex principer för relationen mellan "
                "parterna."
            ),
        },
        {
            "year": 2009,
            "text": (
                "Parterna bygger upp gemensamma arbetsformer för att sprida "
                "Överenskommelsen, och arbetet förs ut till kommuner och landsting "
                "runt om i landet."
            ),
        },
        {
            "year": 2010,
            "text": (
                "Under början av 2010-talet tecknas allt fler lokala och regionala "
                "överenskommelser. Samtidigt börjar idéburet offentligt partnerskap "
                "(IOP) användas som en form för samverkan."
            ),
        },
        {
            "year": 2018,
            "text": (
                "Överenskommelsen fyller tio år. Jubileet blir ett tillfälle att "
                "blicka tillbaka på vad samverkan har gett och vad som behöver "
                "utvecklas."
            ),
        },
        {
            "year": 2019,
            "text": (
                "SKL byter namn till Sveriges Kommuner och Regioner (SKR). "
                "Namnbytet speglar att landstingen numera kallas regioner."
            ),
        },
        {
            "year": 2026,
            "text": (
                "Kansliet och studieförbunden lanserar Överenskommelsens "
                "studieplattform med material för studiecirklar om Överenskommelsen "
                "i det lokala arbetet."
            ),
        },
    ],
    "follow_up": (
        "<p>Överenskommelsen följs upp regelbundet av parterna. Uppföljningen "
        "handlar om hur principerna fungerar i praktiken: om dialogen mellan "
        "parterna fungerar, om de idéburna organisationernas villkor har "
        "förändrats och vad som behöver utvecklas.</p>"
        "<p>Ungefär vart femte år görs en större uppföljning, där parterna "
        "tillsammans går igenom hur Överenskommelsen har använts och vilken "
        "betydelse den har haft. Resultatet blir ett underlag för samtalet om hur "
        "arbetet ska gå vidare.</p>"
        "<p>Lika viktig är den lokala uppföljningen. En kommun eller region som "
        "har en lokal överenskommelse bör regelbundet, tillsammans med de "
        "idéburna organisationerna, stämma av vad som har blivit gjort – till "
        "exempel vid ett årligt dialogforum med en gemensam handlingsplan som "
        "utgångspunkt.</p>"
    ),
}


PRINCIPLES = [
    {
        "title": "Självständighet och oberoende",
        "slug": "sjalvstandighet-och-oberoende",
        "summary": (
            "Idéburna organisationer ska kunna samverka med det offentliga och ta "
            "emot stöd utan att förlora rätten att driva opinion, granska och "
            "kritisera."
        ),
        "explanation": (
            "<p>Principen om självständighet och oberoende slår fast att de "
            "idéburna organisationerna själva bestämmer över sina mål, sin "
            "verksamhet och sina arbetsformer. En förening som får bidrag från "
            "kommunen eller driver verksamhet tillsammans med regionen är "
            "fortfarande en fri organisation med egna medlemmar och egna "
            "beslutande organ.</p>"
            "<p>Överenskommelsen betonar särskilt organisationernas roll som "
            "röstbärare och opinionsbildare. Att granska, kritisera och driva "
            "opinion – också mot den som finansierar verksamheten – är en del av "
            "uppdraget, inte ett brott mot samarbetet.</p>"
            "<p>För kommuner och regioner innebär principen att villkor för stöd "
            "inte får användas för att styra organisationernas åsikter eller inre "
            "arbete. Krav på redovisning och uppföljning är rimliga, men de ska "
            "gälla det som stödet avser.</p>"
            "<p>För de idéburna organisationerna innebär principen också ett eget "
            "ansvar: att vara tydliga med när de talar som samarbetspart och när "
            "de talar som opinionsbildare, och att inte bli så beroende av en "
            "enda finansiär att oberoendet blir svårt att upprätthålla i "
            "praktiken.</p>"
        ),
        "examples": (
            "<ul>"
            "<li>Kommunens riktlinjer för föreningsbidrag anger uttryckligen att "
            "kritik mot kommunen aldrig påverkar en förenings rätt till bidrag.</li>"
            "<li>En brukarorganisation som driver en mötesplats med stöd från "
            "kommunen skriver samtidigt en debattartikel om brister i kommunens "
            "stöd till samma målgrupp – och båda parter ser det som legitimt.</li>"
            "<li>Ett samverkansavtal innehåller en skrivning om att föreningen "
            "själv beslutar om sin inriktning och sina medlemsaktiviteter.</li>"
            "<li>En förening arbetar medvetet för att ha flera inkomstkällor, till "
            "exempel medlemsavgifter, insamling och bidrag från flera håll.</li>"
            "</ul>"
        ),
        "discussion_questions": [
            "Hur märks det i vår kommun att idéburna organisationer får granska "
            "och kritisera den som finansierar dem?",
            "Finns det situationer där en förening avstår från att säga ifrån av "
            "oro för att förlora stöd?",
            "Vilka krav från kommunen eller regionen är rimliga när en "
            "organisation tar emot offentliga medel, och var går gränsen?",
            "Hur kan en organisation bygga upp en ekonomi som inte är beroende av "
            "en enda finansiär?",
        ],
    },
    {
        "title": "Dialog",
        "slug": "dialog",
        "summary": (
            "Samverkan ska bygga på en öppen och förtroendefull dialog, där "
            "idéburna organisationer kommer in tidigt och kan påverka på riktigt."
        ),
        "explanation": (
            "<p>Principen om dialog handlar om att parterna ska mötas och samtala "
            "på ett öppet och förtroendefullt sätt. Dialog är mer än information: "
            "den förutsätter att båda parter lyssnar, att synpunkter faktiskt kan "
            "påverka och att det finns en återkoppling om vad som hände med "
            "dem.</p>"
            "<p>De idéburna organisationerna bär erfarenheter från människor som "
            "annars sällan hörs. När de kommer in tidigt, innan beslut i praktiken "
            "redan är fattade, kan deras kunskap göra verklig skillnad för hur "
            "insatser och verksamheter utformas.</p>"
            "<p>Lokalt kan dialogen ta många former: återkommande dialogforum, "
            "remisser, samråd när nya planer tas fram eller mer informella "
            "kontakter mellan föreningar och förvaltningar. Det viktiga är att "
            "formerna är kända, att de återkommer och att det är tydligt vilket "
            "inflytande dialogen ger.</p>"
            "<p>Dialog kräver tid och resurser från båda håll. Många idéburna "
            "organisationer bygger på ideella krafter, och möten mitt på dagen "
            "eller med kort varsel kan stänga ute dem. En god dialog tar hänsyn "
            "till det.</p>"
        ),
        "examples": (
            "<ul>"
            "<li>Kommunen och de lokala föreningarna har ett dialogforum som möts "
            "två gånger om året med en gemensamt beslutad dagordning.</li>"
            "<li>Innan socialnämnden antar en ny plan för arbetet mot hemlöshet "
            "bjuds berörda organisationer in till samråd medan planen ännu är ett "
            "utkast.</li>"
            "<li>Efter varje dialogmöte skickar kommunen ut en kort återkoppling om "
            "hur synpunkterna har tagits om hand.</li>"
            "<li>Dialogmöten läggs ibland på kvällstid, så att ideellt aktiva har "
            "möjlighet att delta.</li>"
            "</ul>"
        ),
        "discussion_questions": [
            "Vilka forum för dialog finns i dag mellan kommunen, regionen och de "
            "idéburna organisationerna där vi bor?",
            "När i beslutsprocessen kommer de idéburna organisationerna in – och "
            "är det tillräckligt tidigt?",
            "Hur vet vi om en dialog har lett till något?",
            "Vad krävs för att ideellt aktiva ska orka och kunna delta i dialogen?",
        ],
    },
    {
        "title": "Kvalitet",
        "slug": "kvalitet",
        "summary": (
            "Idéburna organisationer har egna sätt att se på kvalitet. Kvalitet "
            "ska utgå från människors behov och följas upp utan att egenarten går "
            "förlorad."
        ),
        "explanation": (
            "<p>Principen om kvalitet handlar om att de idéburna organisationerna "
            "ska kunna utveckla och säkra kvaliteten i sina verksamheter utifrån "
            "sina egna idéer och värderingar. Det som gör en verksamhet värdefull "
            "är ofta sådant som är svårt att mäta: förtroende, gemenskap, "
            "frivillighet och att människor möts som jämlikar.</p>"
            "<p>Kvalitet ska i första hand bedömas utifrån den enskilda "
            "människans behov. Den som finansierar en verksamhet har ett "
            "berättigat intresse av att följa upp den, men uppföljningen behöver "
            "vara anpassad till verksamhetens art och storlek.</p>"
            "<p>I det lokala arbetet innebär principen att kommunen och "
            "organisationerna tillsammans kan komma överens om vad som är rimligt "
            "att följa upp och hur. Det kan handla om att kombinera enkla "
            "uppgifter om verksamheten med berättelser, deltagarnas egna omdömen "
            "och gemensamma reflektionsmöten.</p>"
            "<p>Principen ställer också krav på de idéburna organisationerna: att "
            "ha ordning på sin verksamhet, att dokumentera det som behövs och att "
            "vara öppna för att lära och utvecklas.</p>"
        ),
        "examples": (
            "<ul>"
            "<li>En förening och socialförvaltningen tar tillsammans fram några få "
            "uppföljningsfrågor som passar en ideellt driven verksamhet, i stället "
            "för att använda samma mall som för stora upphandlade tjänster.</li>"
            "<li>Deltagarna i en mötesplats svarar varje år på några enkla frågor "
            "om vad verksamheten betyder för dem, och svaren diskuteras på ett "
            "gemensamt möte.</li>"
            "<li>En organisation beskriver i sin verksamhetsplan vad kvalitet "
            "betyder utifrån den egna idén, till exempel att ingen ska behöva "
            "uppge sitt namn för att få stöd.</li>"
            "<li>Kommunen bjuder in idéburna organisationer till sina utbildningar "
            "om dokumentation och tystnadsplikt.</li>"
            "</ul>"
        ),
        "discussion_questions": [
            "Vad betyder kvalitet i de verksamheter vi känner till – sett från "
            "deltagarnas håll?",
            "Vilka delar av en idéburen verksamhets värde riskerar att försvinna "
            "om man bara mäter det som är lätt att räkna?",
            "Hur kan uppföljningen bli till nytta för organisationen själv och "
            "inte bara för finansiären?",
            "Vilket ansvar har de idéburna organisationerna för att utveckla sin "
            "egen kvalitet?",
        ],
    },
    {
        "title": "Långsiktighet",
        "slug": "langsiktighet",
        "summary": (
            "Idéburna organisationer behöver stabila och förutsägbara villkor. "
            "Långsiktigt stöd ger utrymme att bygga verksamhet som håller över tid."
        ),
        "explanation": (
            "<p>Principen om långsiktighet handlar om att de idéburna "
            "organisationerna ska ha förutsättningar att planera och bygga "
            "verksamhet över tid. Att leva från projekt till projekt gör det svårt "
            "att behålla personal, ta hand om ideella krafter och skapa förtroende "
            "hos dem man finns till för.</p>"
            "<p>Långsiktiga och stabila villkor är en förutsättning för att "
            "organisationerna ska kunna utvecklas. Det gäller både formen för "
            "stöd – till exempel verksamhetsbidrag och fleråriga överenskommelser "
            "i stället för korta projektbidrag – och att regler och rutiner inte "
            "ändras utan god framförhållning.</p>"
            "<p>Lokalt kan kommuner och regioner arbeta med fleråriga avtal, "
            "tydliga tidsplaner för bidragsbeslut och dialog i god tid innan "
            "förändringar genomförs. För organisationerna handlar långsiktighet "
            "också om att planera för att verksamheten ska kunna leva vidare när "
            "en eldsjäl slutar eller ett projekt tar slut.</p>"
        ),
        "examples": (
            "<ul>"
            "<li>Kommunen inför treåriga verksamhetsbidrag för föreningar med en "
            "etablerad verksamhet, med en enkel årlig avstämning.</li>"
            "<li>Beslut om föreningsbidrag för nästa år fattas senast i november, "
            "så att föreningarna vet vad de har att förhålla sig till vid "
            "årsskiftet.</li>"
            "<li>När ett projekt med goda resultat närmar sig sitt slut planerar "
            "förvaltningen och föreningen tillsammans, i god tid, hur arbetet ska "
            "kunna fortsätta.</li>"
            "<li>En förening tar fram en enkel plan för hur kunskap och kontakter "
            "ska lämnas över när nyckelpersoner byts ut.</li>"
            "</ul>"
        ),
        "discussion_questions": [
            "Hur stor del av de idéburna verksamheterna i vår kommun bygger på "
            "kortsiktiga projektmedel?",
            "Vad händer med deltagarna när ett projekt tar slut?",
            "Vilka förändringar skulle ge föreningarna bättre möjligheter att "
            "planera längre fram?",
            "Hur kan långsiktighet förenas med att kommunen behöver kunna möta "
            "nya behov och pröva nya samarbeten?",
        ],
    },
    {
        "title": "Öppenhet och insyn",
        "slug": "oppenhet-och-insyn",
        "summary": (
            "Samverkan ska präglas av öppenhet, och det ska finnas insyn i hur "
            "offentliga medel används – med respekt för organisationernas "
            "integritet."
        ),
        "explanation": (
            "<p>Principen om öppenhet och insyn handlar om förtroende. Både "
            "allmänheten och parterna ska kunna se hur samverkan går till, på "
            "vilka grunder pengar fördelas och hur offentliga medel används.</p>"
            "<p>För kommuner och regioner innebär principen tydliga och offentliga "
            "kriterier för stöd, begripliga beslut och öppen information om vilka "
            "samarbeten som finns. För de idéburna organisationerna innebär den "
            "att redovisa hur medlen har använts och att vara öppna med sin "
            "verksamhet, sin ekonomi och hur beslut fattas.</p>"
            "<p>I lokalt arbete kopplas principen ofta också till att anställda "
            "och ideella i verksamheter som finansieras med offentliga medel ska "
            "kunna uppmärksamma brister. En öppen kultur, där problem kan lyftas "
            "utan rädsla, gynnar både kvaliteten och förtroendet.</p>"
            "<p>Öppenhet gäller samtidigt med respekt för organisationernas "
            "självständighet. Insynen ska avse det som den offentliga "
            "finansieringen gäller – inte föreningens interna demokrati eller "
            "åsikter.</p>"
        ),
        "examples": (
            "<ul>"
            "<li>Kommunen publicerar på sin webbplats vilka föreningar som har fått "
            "bidrag, med belopp och syfte, och vilka kriterier som har använts.</li>"
            "<li>En förening som driver verksamhet med offentliga medel lägger ut "
            "sin verksamhetsberättelse och sin ekonomiska redovisning på sin "
            "webbplats.</li>"
            "<li>Ett samverkansavtal beskriver hur anställda och ideella kan ta upp "
            "brister och att det inte får leda till repressalier.</li>"
            "<li>Minnesanteckningar från det lokala dialogforumet är offentliga och "
            "lätta att hitta.</li>"
            "</ul>"
        ),
        "discussion_questions": [
            "Hur lätt är det för en invånare att ta reda på vilka idéburna "
            "organisationer kommunen samarbetar med och på vilka villkor?",
            "Vad behöver en förening redovisa när den tar emot offentliga medel – "
            "och vad är dess egen sak?",
            "Hur skapar vi en kultur där både anställda och ideella vågar berätta "
            "om brister?",
        ],
    },
    {
        "title": "Mångfald",
        "slug": "mangfald",
        "summary": (
            "En mångfald av idéburna organisationer, stora som små, ger människor "
            "fler vägar till stöd och gemenskap och fler röster i samhällsdebatten."
        ),
        "explanation": (
            "<p>Principen om mångfald handlar om att det ska finnas utrymme för "
            "många olika idéburna organisationer – stora och små, nya och gamla, "
            "med olika inriktning och arbetssätt. Det ger människor fler vägar "
            "till stöd, gemenskap och inflytande.</p>"
            "<p>De idéburna organisationerna kan vara både ett alternativ och ett "
            "komplement till offentlig och privat verksamhet, och deras särart "
            "ska tas till vara. Regler och krav behöver därför utformas så att "
            "även mindre organisationer har en rimlig möjlighet att vara med.</p>"
            "<p>Mångfald handlar också om vilka som finns med inom "
            "organisationerna och i dialogen. Lokalt är det lätt att det alltid är "
            "samma etablerade föreningar som hörs. Ett medvetet arbete för "
            "mångfald innebär att också söka upp nya grupper, till exempel "
            "föreningar som bildats av nyanlända, unga eller personer med egen "
            "erfarenhet av utsatthet.</p>"
        ),
        "examples": (
            "<ul>"
            "<li>Kommunen förenklar ansökan om mindre bidrag, så att nystartade "
            "föreningar utan anställda kan söka.</li>"
            "<li>Dialogforumet bjuder in föreningar som inte varit med tidigare, "
            "med hjälp av studieförbunden som redan har kontakt med dem.</li>"
            "<li>En organisation ser över hur väl dess styrelse och ideella speglar "
            "de människor den finns till för.</li>"
            "<li>Information om stöd och samråd finns på lättläst svenska och på "
            "flera språk.</li>"
            "</ul>"
        ),
        "discussion_questions": [
            "Vilka idéburna organisationer i vår kommun hörs mest – och vilka hörs "
            "sällan?",
            "Vilka hinder möter en liten eller nystartad förening som vill "
            "samverka med kommunen?",
            "Hur kan en organisation arbeta med mångfald i sin egen styrelse och "
            "bland sina ideella?",
            "Vad kan studieförbunden bidra med för att fler röster ska komma fram?",
        ],
    },
]


MODULES = [
    # ------------------------------------------------------------------
    # Modul 1
    # ------------------------------------------------------------------
    {
        "title": "Överenskommelsen i vår kommun",
        "slug": "overenskommelsen-i-var-kommun",
        "intro": (
            "En studiecirkel för dig som vill veta vad Överenskommelsen är och hur "
            "den kan användas där du bor. Under fem träffar går ni igenom de sex "
            "principerna, kartlägger samverkan i er kommun och formulerar förslag "
            "på nästa steg."
        ),
        "search_description": (
            "Studiecirkel i fem träffar om Överenskommelsen, de sex principerna och "
            "hur idéburna organisationer och kommunen kan samverka där ni bor."
        ),
        "target_groups": ["ideburna", "kommun"],
        "principles": [
            "sjalvstandighet-och-oberoende",
            "dialog",
            "kvalitet",
            "langsiktighet",
            "oppenhet-och-insyn",
            "mangfald",
        ],
        "body": [
            ("heading", "Om studiecirkeln"),
            (
                "paragraph",
                "<p>Studiecirkeln passar för alla som vill förstå och använda "
                "Överenskommelsen lokalt. Allra bäst blir den om gruppen är "
                "blandad, med personer från idéburna organisationer och politiker "
                "eller tjänstemän från kommunen eller regionen. När båda "
                "perspektiven finns i samma rum blir samtalen både mer "
                "verklighetsnära och mer användbara.</p>"
                "<p>Cirkeln består av fem träffar på två till två och en halv "
                "timme. Ni behöver inga förkunskaper. Till varje träff finns mål, "
                "läsanvisningar, samtalsfrågor, övningar och råd till "
                "cirkelledaren.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "Det här behöver ni",
                    "text": (
                        "<p>Förbered gärna följande inför första träffen:</p>"
                        "<ul>"
                        "<li>Överenskommelsens text och sidorna om de sex principerna "
                        "här på plattformen.</li>"
                        "<li>Kommunens eller regionens egna dokument om samverkan med "
                        "civilsamhället, om sådana finns.</li>"
                        "<li>Blädderblock eller whiteboard, pennor och "
                        "självhäftande lappar.</li>"
                        "</ul>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "Vi trodde att vi visste hur samarbetet med kommunen såg ut. "
                        "Först när vi ritade upp det tillsammans såg vi hur mycket som "
                        "fanns – och hur mycket som saknades."
                    ),
                    "attribution": "Deltagare i en pilotcirkel",
                },
            ),
            (
                "discussion_question",
                {
                    "question": (
                        "Vad hoppas du att den här studiecirkeln ska leda till – för "
                        "dig och för din organisation eller förvaltning?"
                    ),
                    "hint": "Ta upp frågan vid första träffen och återkom till den vid den sista.",
                },
            ),
        ],
        "sessions": [
            {
                "title": "Vad är Överenskommelsen?",
                "anchor": "vad-ar-overenskommelsen",
                "aim": (
                    "Deltagarna lär känna varandra och får en gemensam bild av vad "
                    "Överenskommelsen är, vilka parterna är och varför den kom till."
                ),
                "length_minutes": 120,
                "reading": (
                    "<p>Läs inför träffen:</p>"
                    "<ul>"
                    "<li>Sidan om Överenskommelsen här på plattformen, särskilt "
                    "avsnitten om parterna och historiken.</li>"
                    "<li>Inledningen och avsnittet om principerna i Överenskommelsens "
                    "text.</li>"
                    "<li>Det ni hittar när ni söker på kommunens webbplats efter "
                    "”idéburen”, ”civilsamhälle” eller ”överenskommelse”.</li>"
                    "</ul>"
                ),
                "discussion_questions": [
                    "Vad visste du om Överenskommelsen innan du kom hit?",
                    "Varför tror du att parterna ansåg att det behövdes en "
                    "överenskommelse 2008?",
                    "Vad skiljer en idéburen organisation från en kommunal förvaltning "
                    "eller ett privat företag?",
                    "Vilka idéburna organisationer har du själv kommit i kontakt med – "
                    "som deltagare, ideell eller anställd?",
                ],
                "exercises": (
                    "<p><strong>Övning 1: Presentationsrunda med en fråga.</strong> "
                    "Varje deltagare berättar kort om sig själv och om ett tillfälle då "
                    "hen har sett en förening och kommunen samarbeta, bra eller mindre "
                    "bra. Cirkelledaren skriver upp nyckelord på blädderblocket.</p>"
                    "<p><strong>Övning 2: Tre parter, tre perspektiv.</strong></p>"
                    "<ol>"
                    "<li>Dela gruppen i tre. En grupp tar regeringens perspektiv, en "
                    "SKR:s och kommunernas, en de idéburna organisationernas.</li>"
                    "<li>Varje grupp samtalar i tio minuter: Vad vill vår part uppnå "
                    "med Överenskommelsen? Vad oroar oss?</li>"
                    "<li>Grupperna redovisar och ni jämför: Var finns de gemensamma "
                    "intressena, och var skiljer de sig åt?</li>"
                    "</ol>"
                ),
                "leader_notes": (
                    "<p>Lägg gott om tid på presentationsrundan – den lägger grunden "
                    "för resten av cirkeln. Räkna med ungefär 30 minuter för "
                    "presentationer, 45 minuter för övning 2 och resten för samtal och "
                    "planering av nästa träff.</p>"
                    "<p>I en blandad grupp kan deltagare från kommunen känna sig "
                    "ifrågasatta och deltagare från föreningar känna sig underordnade. "
                    "Säg tidigt att alla deltar som sig själva och att cirkeln är ett "
                    "lärande samtal, inte en förhandling.</p>"
                    "<p>Avsluta med att be alla skriva ned vad de hoppas att cirkeln "
                    "ska leda till. Spara lapparna till den sista träffen.</p>"
                ),
                "principles": ["dialog", "sjalvstandighet-och-oberoende"],
            },
            {
                "title": "Självständighet, dialog och öppenhet",
                "anchor": "sjalvstandighet-och-dialog",
                "aim": (
                    "Deltagarna förstår vad principerna om självständighet och "
                    "oberoende, dialog samt öppenhet och insyn innebär och kan känna "
                    "igen dem i konkreta situationer."
                ),
                "length_minutes": 135,
                "reading": (
                    "<p>Läs principsidorna om självständighet och oberoende, dialog "
                    "samt öppenhet och insyn här på plattformen. Läs gärna exemplen "
                    "högt tillsammans i början av träffen.</p>"
                    "<p>Ta med kommunens riktlinjer för föreningsbidrag, om sådana "
                    "finns.</p>"
                ),
                "discussion_questions": [
                    "Kan en förening både ta emot pengar från kommunen och kritisera "
                    "kommunen offentligt? Vad krävs för att det ska fungera?",
                    "Vad är skillnaden mellan att bli informerad och att vara med i en "
                    "dialog?",
                    "Hur mycket insyn kan kommunen kräva i en förening som den ger "
                    "stöd till?",
                    "Vilken av de tre principerna är svårast att leva upp till i vår "
                    "kommun, och varför?",
                ],
                "exercises": (
                    "<p><strong>Övning: Fallet med mötesplatsen.</strong> Läs fallet "
                    "högt: En förening driver en mötesplats för äldre med bidrag från "
                    "kommunen. Föreningens ordförande skriver en insändare i "
                    "lokaltidningen om att kommunens hemtjänst har blivit sämre. Några "
                    "veckor senare får föreningen ett mejl från förvaltningen med "
                    "frågor om hur bidraget har använts.</p>"
                    "<ol>"
                    "<li>Samtala i par: Hur kan föreningen ha uppfattat mejlet? Hur kan "
                    "förvaltningen ha tänkt?</li>"
                    "<li>Vilka av principerna berörs – och på vilket sätt?</li>"
                    "<li>Skriv tillsammans ned två saker som kommunen och två saker som "
                    "föreningen kan göra för att undvika missförstånd i liknande "
                    "lägen.</li>"
                    "</ol>"
                ),
                "leader_notes": (
                    "<p>Fallet väcker ofta starka känslor. Låt alla komma till tals i "
                    "parsamtalen innan ni samtalar i helgrupp, så att inte de mest "
                    "erfarna sätter tonen direkt.</p>"
                    "<p>Det finns inget facit. Poängen är att se att samma händelse kan "
                    "tolkas olika beroende på vilken roll man har. Räkna med ungefär 50 "
                    "minuter för fallet.</p>"
                    "<p>Om ni har med kommunens riktlinjer, titta på om de säger något "
                    "om organisationernas rätt att kritisera. Det brukar bli ett "
                    "konkret och lärorikt samtal.</p>"
                ),
                "principles": [
                    "sjalvstandighet-och-oberoende",
                    "dialog",
                    "oppenhet-och-insyn",
                ],
            },
            {
                "title": "Kvalitet, långsiktighet och mångfald",
                "anchor": "kvalitet-och-langsiktighet",
                "aim": (
                    "Deltagarna samtalar om vad kvalitet, långsiktighet och mångfald "
                    "betyder i praktiken och vilka villkor idéburna organisationer "
                    "behöver för att kunna utvecklas."
                ),
                "length_minutes": 135,
                "reading": (
                    "<p>Läs principsidorna om kvalitet, långsiktighet och mångfald.</p>"
                    "<p>Fundera inför träffen på en verksamhet du känner väl: Hur "
                    "finansieras den, och hur länge vet den att pengarna räcker?</p>"
                ),
                "discussion_questions": [
                    "Vad är kvalitet i en verksamhet som drivs av ideella – och vem "
                    "avgör det?",
                    "Hur påverkas en verksamhet av att stödet bara gäller ett år i "
                    "taget?",
                    "Vilka föreningar har svårt att få stöd eller att vara med i "
                    "samverkan i vår kommun?",
                    "Vad skulle kommunen vinna på mer långsiktiga villkor för de "
                    "idéburna organisationerna?",
                ],
                "exercises": (
                    "<p><strong>Övning 1: Kvalitetens ansikten.</strong> Skriv på var "
                    "sin lapp vad som gör en idéburen verksamhet bra, sett från "
                    "deltagarnas, de ideellas och kommunens håll. Sortera lapparna på "
                    "väggen. Vad är lätt att mäta, och vad är svårt?</p>"
                    "<p><strong>Övning 2: Tidslinjen.</strong> Rita en tidslinje över "
                    "de senaste fem åren för en verksamhet som någon i gruppen känner "
                    "väl. Markera när pengar kom och försvann och när nyckelpersoner "
                    "kom och gick. Samtala om vad tidslinjen säger om behovet av "
                    "långsiktighet.</p>"
                ),
                "leader_notes": (
                    "<p>Träffen täcker tre principer, så håll tiden. En möjlig "
                    "fördelning är 40 minuter för kvalitet, 40 minuter för "
                    "långsiktighet och 30 minuter för mångfald, med en paus "
                    "emellan.</p>"
                    "<p>Samtal om pengar blir lätt en lista med klagomål. Lyft blicken "
                    "genom att fråga vad man själv kan göra och vad man kan föreslå "
                    "tillsammans.</p>"
                    "<p>Inför nästa träff: be deltagarna ta reda på vilka samarbeten "
                    "mellan kommunen och idéburna organisationer som finns i dag. "
                    "Fördela gärna olika förvaltningar eller områden mellan "
                    "deltagarna.</p>"
                ),
                "principles": ["kvalitet", "langsiktighet", "mangfald"],
            },
            {
                "title": "Hur ser det ut hos oss?",
                "anchor": "kartlaggning",
                "aim": (
                    "Deltagarna kartlägger hur samverkan mellan kommunen, regionen och "
                    "de idéburna organisationerna ser ut i dag och ser vad som "
                    "fungerar och vad som saknas."
                ),
                "length_minutes": 150,
                "reading": (
                    "<p>Ta med det ni har hittat om befintliga samarbeten, till "
                    "exempel:</p>"
                    "<ul>"
                    "<li>kommunens eller regionens policy eller lokala överenskommelse "
                    "med civilsamhället, om en sådan finns</li>"
                    "<li>listor över föreningsbidrag och avtal med idéburna "
                    "organisationer</li>"
                    "<li>protokoll eller minnesanteckningar från dialogmöten</li>"
                    "</ul>"
                ),
                "discussion_questions": [
                    "Vilka samarbeten fungerar bra i dag, och vad är det som gör att de "
                    "fungerar?",
                    "Var saknas samverkan, trots att både kommunen och föreningarna "
                    "arbetar med samma frågor?",
                    "Vilka organisationer och grupper syns inte på vår karta?",
                    "Finns det redan en lokal överenskommelse eller policy – och känner "
                    "de som berörs till den?",
                ],
                "exercises": (
                    "<p><strong>Övning: Samverkanskartan.</strong></p>"
                    "<ol>"
                    "<li>Rita en stor karta på blädderblocket med kommunen och "
                    "regionen i mitten.</li>"
                    "<li>Placera ut de idéburna organisationer ni känner till och dra "
                    "linjer till de förvaltningar de samarbetar med. Använd olika "
                    "färger för bidrag, avtal, IOP och dialog.</li>"
                    "<li>Markera med en stjärna det som fungerar väl och med ett "
                    "frågetecken det ni är osäkra på.</li>"
                    "<li>Titta på kartan tillsammans: Var är det tätt och var är det "
                    "tomt?</li>"
                    "</ol>"
                ),
                "leader_notes": (
                    "<p>Det här är cirkelns mest praktiska träff, och den tar ofta "
                    "längre tid än väntat. Fotografera kartan, så att ni kan använda "
                    "den vid nästa träff.</p>"
                    "<p>Deltagare som arbetar i kommunen vet ofta mycket om avtal och "
                    "bidrag, medan föreningsfolket vet hur samarbetet upplevs. Se till "
                    "att båda sorternas kunskap kommer fram – fråga uttryckligen efter "
                    "båda.</p>"
                    "<p>Om kartan blir gles är det också ett resultat. Det visar var "
                    "det finns utrymme att utveckla samverkan.</p>"
                ),
                "principles": ["dialog", "mangfald"],
            },
            {
                "title": "Nästa steg – mot en lokal överenskommelse",
                "anchor": "nasta-steg",
                "aim": (
                    "Deltagarna formulerar konkreta förslag på hur samverkan kan "
                    "utvecklas, till exempel genom en lokal överenskommelse, och "
                    "bestämmer vem som tar förslagen vidare."
                ),
                "length_minutes": 135,
                "reading": (
                    "<p>Läs avsnittet om hur Överenskommelsen följs upp på sidan om "
                    "Överenskommelsen. Ta reda på om någon grannkommun eller region har "
                    "en lokal överenskommelse som ni kan inspireras av.</p>"
                    "<p>Ta med fotot av samverkanskartan från förra träffen.</p>"
                ),
                "discussion_questions": [
                    "Vad skulle en lokal överenskommelse kunna tillföra i vår kommun – "
                    "och vad skulle den inte lösa?",
                    "Vem behöver vara med för att en lokal överenskommelse ska bli mer "
                    "än ett papper?",
                    "Hur ska vi följa upp att det vi kommer överens om faktiskt blir "
                    "av?",
                    "Vilket första steg kan vi själva ta redan efter den här cirkeln?",
                ],
                "exercises": (
                    "<p><strong>Övning 1: Tre förslag.</strong> Utgå från "
                    "samverkanskartan. Arbeta i mindre grupper och formulera högst tre "
                    "förslag. Varje förslag ska svara på frågorna vad, vem och "
                    "när.</p>"
                    "<p><strong>Övning 2: Brevet.</strong> Skriv tillsammans ett kort "
                    "brev till kommunstyrelsen, socialnämnden eller en lokal "
                    "samarbetsorganisation där ni berättar vad cirkeln har kommit fram "
                    "till och föreslår ett möte.</p>"
                ),
                "leader_notes": (
                    "<p>Ta fram lapparna från första träffen och läs upp några av dem. "
                    "Har förväntningarna infriats? Det ger en bra avslutning.</p>"
                    "<p>Var noga med att förslagen blir konkreta och att någon tar "
                    "ansvar för att föra dem vidare. Om deltagarna vill fortsätta kan "
                    "studieförbundet hjälpa till med en ny cirkel, till exempel om "
                    "idéburet offentligt partnerskap.</p>"
                    "<p>Gör en kort utvärdering i slutet och skicka gärna synpunkterna "
                    "till kansliet, så att materialet kan förbättras.</p>"
                ),
                "principles": ["dialog", "langsiktighet", "oppenhet-och-insyn"],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Modul 2
    # ------------------------------------------------------------------
    {
        "title": "Idéburet offentligt partnerskap – IOP",
        "slug": "ideburet-offentligt-partnerskap",
        "intro": (
            "Idéburet offentligt partnerskap, IOP, är en form av samverkan där en "
            "idéburen organisation och en kommun eller region tillsammans tar "
            "ansvar för en verksamhet. Studiecirkeln går igenom när IOP passar, hur "
            "ett partnerskap byggs upp och hur det följs upp."
        ),
        "search_description": (
            "Studiecirkel om idéburet offentligt partnerskap (IOP): när formen "
            "passar, hur ett partnerskap byggs upp och hur det följs upp."
        ),
        "target_groups": ["ideburna", "kommun"],
        "principles": [
            "sjalvstandighet-och-oberoende",
            "dialog",
            "kvalitet",
            "langsiktighet",
            "oppenhet-och-insyn",
        ],
        "body": [
            ("heading", "Vad är ett IOP?"),
            (
                "paragraph",
                "<p>Ett idéburet offentligt partnerskap är en överenskommelse mellan "
                "en eller flera idéburna organisationer och en offentlig part, till "
                "exempel en kommun eller region, om att tillsammans driva eller "
                "utveckla en verksamhet. Till skillnad från vid en upphandling är "
                "det inte kommunen som beställer en tjänst. Parterna möts i stället "
                "kring ett gemensamt samhällsproblem, och båda bidrar med "
                "resurser.</p>"
                "<p>IOP har vuxit fram i praktiken sedan början av 2010-talet, med "
                "Överenskommelsens principer som en viktig grund. I dag används "
                "formen i många kommuner och regioner, bland annat för stöd till "
                "våldsutsatta, mötesplatser och insatser för människor i "
                "hemlöshet.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "Att tänka på",
                    "text": (
                        "<p>Ett IOP är inte rätt form för allt. Regler om offentlig "
                        "upphandling och om offentligt stöd kan påverka vilken form "
                        "som passar. Ta därför in kommunens eller regionens jurister "
                        "och upphandlare tidigt i arbetet. Studiecirkeln ger en grund "
                        "för samtalet men ersätter inte en juridisk bedömning i det "
                        "enskilda fallet.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "Det viktigaste var inte avtalet i sig, utan att vi satt vid "
                        "samma bord från början och formulerade problemet "
                        "tillsammans."
                    ),
                    "attribution": "Verksamhetsledare i en idéburen organisation, deltagare i en pilotcirkel",
                },
            ),
            (
                "discussion_question",
                {
                    "question": (
                        "Finns det en fråga i er kommun som varken kommunen eller "
                        "föreningarna klarar på egen hand?"
                    ),
                    "hint": "Frågan kan bli en röd tråd genom hela cirkeln.",
                },
            ),
        ],
        "sessions": [
            {
                "title": "Vad är ett idéburet offentligt partnerskap?",
                "anchor": "vad-ar-iop",
                "aim": (
                    "Deltagarna känner till vad som brukar känneteckna ett IOP och hur "
                    "formen hänger ihop med Överenskommelsens principer."
                ),
                "length_minutes": 120,
                "reading": (
                    "<p>Läs modulens inledning och principsidorna om självständighet "
                    "och oberoende och om långsiktighet.</p>"
                    "<p>Om er kommun eller region redan har ett eller flera IOP, ta med "
                    "avtalen eller en beskrivning av dem.</p>"
                ),
                "discussion_questions": [
                    "Vad skiljer ett partnerskap från ett bidrag eller från köp av en "
                    "tjänst?",
                    "Vad innebär det att båda parter bidrar till verksamheten – med "
                    "pengar, lokaler, kunskap eller ideella insatser?",
                    "Hur kan en organisation behålla sin självständighet i ett nära "
                    "samarbete med kommunen?",
                    "Vilka exempel på IOP känner ni till, i er egen eller i andra "
                    "kommuner?",
                ],
                "exercises": (
                    "<p><strong>Övning: Håller du med?</strong> Läs upp ett påstående "
                    "i taget och låt deltagarna ställa sig längs en linje i rummet "
                    "efter hur mycket de håller med, från ”helt” till ”inte "
                    "alls”:</p>"
                    "<ol>"
                    "<li>I ett IOP är kommunen beställare och föreningen utförare.</li>"
                    "<li>Ett IOP ska bygga på en idé som kommer från den idéburna "
                    "organisationen.</li>"
                    "<li>Ett IOP är alltid bättre än en upphandling.</li>"
                    "<li>Båda parter ska bidra med något till verksamheten.</li>"
                    "</ol>"
                    "<p>Efter varje påstående får några deltagare förklara hur de "
                    "tänker.</p>"
                ),
                "leader_notes": (
                    "<p>Övningen är ett bra sätt att få med alla, även dem som sällan "
                    "tar ordet i helgrupp. Låt deltagarna byta plats om de ändrar sig "
                    "under samtalet.</p>"
                    "<p>Vanliga missförstånd är att IOP bara är ett nytt namn på "
                    "bidrag eller ett sätt att slippa upphandla. Påstående 1 och 3 "
                    "hjälper er att reda ut det. Påstående 2 och 4 beskriver sådant som "
                    "brukar lyftas fram som kännetecken för IOP.</p>"
                    "<p>Håll den juridiska diskussionen kort den här gången – den "
                    "kommer vid nästa träff.</p>"
                ),
                "principles": ["sjalvstandighet-och-oberoende", "langsiktighet"],
            },
            {
                "title": "Bidrag, upphandling eller partnerskap?",
                "anchor": "val-av-samverkansform",
                "aim": (
                    "Deltagarna kan beskriva skillnaderna mellan bidrag, upphandling "
                    "och IOP och vet vilka frågor som behöver besvaras innan man "
                    "väljer form."
                ),
                "length_minutes": 135,
                "reading": (
                    "<p>Läs principsidan om öppenhet och insyn. Ta reda på hur er "
                    "kommun eller region fördelar föreningsbidrag och om det finns "
                    "riktlinjer för IOP.</p>"
                    "<p>Be om möjligt en upphandlare eller jurist från kommunen att "
                    "delta i en del av träffen eller att svara på gruppens frågor i "
                    "förväg.</p>"
                ),
                "discussion_questions": [
                    "När är bidrag den bästa formen för stöd till en idéburen "
                    "organisation?",
                    "Varför kan det vara svårt för små idéburna organisationer att "
                    "delta i upphandlingar?",
                    "Vilka frågor behöver kommunen och organisationen kunna besvara "
                    "innan de väljer ett IOP?",
                    "Hur säkerställer man öppenhet när kommunen väljer att samarbeta "
                    "med en viss organisation i stället för en annan?",
                ],
                "exercises": (
                    "<p><strong>Övning: Vilken form passar?</strong> Dela in "
                    "deltagarna i mindre grupper och ge varje grupp ett av följande "
                    "exempel:</p>"
                    "<ol>"
                    "<li>En förening vill fortsätta driva sin öppna mötesplats för "
                    "ensamma äldre, som den har drivit i tio år.</li>"
                    "<li>Kommunen behöver köpa ett bestämt antal platser i skyddat "
                    "boende för våldsutsatta.</li>"
                    "<li>En organisation och socialtjänsten vill tillsammans utveckla "
                    "ett nytt stöd för unga som lämnar samhällsvård, och ingen vet "
                    "ännu exakt hur det ska se ut.</li>"
                    "</ol>"
                    "<p>Grupperna samtalar om vilken form som verkar passa bäst och "
                    "vilka frågor de skulle vilja ställa till en jurist. Redovisa i "
                    "helgrupp.</p>"
                ),
                "leader_notes": (
                    "<p>Det här är cirkelns mest tekniska träff. Undvik att ge "
                    "juridiska besked – målet är att deltagarna ska förstå vilka "
                    "frågor som behöver ställas, inte att de ska avgöra rättsliga "
                    "frågor själva.</p>"
                    "<p>Exemplen är medvetet förenklade. Det finns inget givet facit, "
                    "men många grupper landar i att exempel 1 passar för bidrag, "
                    "exempel 2 för upphandling och exempel 3 för ett partnerskap. Det "
                    "är ett bra utgångsläge för samtalet om varför.</p>"
                    "<p>Om en jurist eller upphandlare deltar, låt hen börja med att "
                    "lyssna på gruppernas redovisningar innan hen kommenterar.</p>"
                ),
                "principles": ["sjalvstandighet-och-oberoende", "oppenhet-och-insyn"],
            },
            {
                "title": "Från behov till gemensam idé",
                "anchor": "fran-behov-till-ide",
                "aim": (
                    "Deltagarna övar på att formulera ett gemensamt samhällsproblem "
                    "och en idé till ett partnerskap där båda parter bidrar med det de "
                    "är bäst på."
                ),
                "length_minutes": 150,
                "reading": (
                    "<p>Läs principsidorna om dialog och kvalitet.</p>"
                    "<p>Ta med underlag om ett behov som finns i er kommun, till "
                    "exempel från en förenings verksamhetsberättelse, en kommunal "
                    "lägesbild eller egna erfarenheter.</p>"
                ),
                "discussion_questions": [
                    "Vilka behov ser de idéburna organisationerna som kommunen kanske "
                    "inte ser – och tvärtom?",
                    "Vad kan en idéburen organisation bidra med som kommunen inte kan, "
                    "och vad kan kommunen bidra med som organisationen saknar?",
                    "Hur vet vi att idén verkligen utgår från de människor som "
                    "verksamheten är till för?",
                    "Vad skulle kvalitet betyda i den verksamhet vi tänker oss?",
                ],
                "exercises": (
                    "<p><strong>Övning: Partnerskapsskissen.</strong> Arbeta i "
                    "blandade grupper, gärna med både föreningsfolk och "
                    "kommunanställda i varje grupp.</p>"
                    "<ol>"
                    "<li>Välj ett behov som gruppen känner till.</li>"
                    "<li>Beskriv problemet i en mening som båda parter kan ställa sig "
                    "bakom.</li>"
                    "<li>Gör två kolumner: Vad bidrar organisationen med? Vad bidrar "
                    "kommunen eller regionen med?</li>"
                    "<li>Skriv ned hur ni skulle märka att verksamheten gör skillnad "
                    "för deltagarna.</li>"
                    "</ol>"
                    "<p>Grupperna presenterar sina skisser och får frågor från de "
                    "andra.</p>"
                ),
                "leader_notes": (
                    "<p>Det svåraste i övningen är ofta steg 2. Grupperna vill gärna "
                    "hoppa direkt till lösningen. Uppmuntra dem att stanna vid "
                    "problemet tills alla känner igen sig i formuleringen.</p>"
                    "<p>Avsätt minst 60 minuter för skissarbetet och 30 minuter för "
                    "redovisning, med en paus emellan.</p>"
                    "<p>Spara skisserna – de används vid de två sista träffarna.</p>"
                ),
                "principles": ["dialog", "kvalitet"],
            },
            {
                "title": "Att skriva överenskommelsen",
                "anchor": "avtalet",
                "aim": (
                    "Deltagarna vet vilka frågor en IOP-överenskommelse behöver "
                    "reglera och hur den kan skydda både samarbetet och "
                    "organisationens självständighet."
                ),
                "length_minutes": 135,
                "reading": (
                    "<p>Läs om möjligt ett befintligt IOP-avtal från er egen eller en "
                    "annan kommun; många kommuner och regioner publicerar sina avtal. "
                    "Titta särskilt på hur de beskriver:</p>"
                    "<ul>"
                    "<li>syftet och målgruppen</li>"
                    "<li>vad varje part bidrar med</li>"
                    "<li>avtalstid, ekonomi och uppföljning</li>"
                    "</ul>"
                ),
                "discussion_questions": [
                    "Vilka frågor är viktigast att reda ut innan avtalet skrivs?",
                    "Hur lång bör avtalstiden vara för att verksamheten ska kunna "
                    "utvecklas?",
                    "Vad ska hända om parterna blir oense, eller om en part vill "
                    "avsluta samarbetet?",
                    "Hur skriver man in organisationens rätt att driva opinion utan att "
                    "det blir en konfliktpunkt?",
                ],
                "exercises": (
                    "<p><strong>Övning: Checklistan.</strong> Utgå från "
                    "partnerskapsskisserna från förra träffen och besvara följande "
                    "frågor skriftligt:</p>"
                    "<ol>"
                    "<li>Vad är syftet med partnerskapet, och vilka är "
                    "målgrupperna?</li>"
                    "<li>Vad bidrar varje part med, i pengar och i annat?</li>"
                    "<li>Hur länge gäller avtalet, och hur förlängs det?</li>"
                    "<li>Hur följs verksamheten upp, och hur ofta träffas parterna?</li>"
                    "<li>Hur hanteras oenighet, och hur avslutas samarbetet?</li>"
                    "<li>Vad gäller för insyn i ekonomin och för organisationens "
                    "självständighet?</li>"
                    "</ol>"
                ),
                "leader_notes": (
                    "<p>Deltagarna behöver inte skriva ett färdigt avtal. Poängen är "
                    "att se vilka frågor som måste besvaras och att upptäcka var "
                    "parterna kan ha olika förväntningar.</p>"
                    "<p>Om någon har erfarenhet av ett IOP som inte fungerade, be hen "
                    "berätta vad som gick fel. Sådana berättelser är ofta de mest "
                    "lärorika, men se till att samtalet inte pekar ut enskilda personer "
                    "eller organisationer.</p>"
                ),
                "principles": [
                    "oppenhet-och-insyn",
                    "langsiktighet",
                    "sjalvstandighet-och-oberoende",
                ],
            },
            {
                "title": "Att följa upp och lära tillsammans",
                "anchor": "uppfoljning",
                "aim": (
                    "Deltagarna planerar hur ett partnerskap kan följas upp så att "
                    "båda parter lär sig något, och sammanfattar vad de tar med sig "
                    "från cirkeln."
                ),
                "length_minutes": 120,
                "reading": (
                    "<p>Läs principsidan om kvalitet igen, med fokus på uppföljning. "
                    "Läs också avsnittet om hur Överenskommelsen följs upp nationellt "
                    "och lokalt.</p>"
                ),
                "discussion_questions": [
                    "Vad behöver kommunen veta för att kunna stå för sin del av "
                    "partnerskapet?",
                    "Vad behöver organisationen veta för att kunna utveckla "
                    "verksamheten?",
                    "Hur kan deltagarnas egna erfarenheter bli en del av "
                    "uppföljningen?",
                    "Vad tar du med dig från cirkeln, och vad vill du göra härnäst?",
                ],
                "exercises": (
                    "<p><strong>Övning 1: Uppföljningsplanen.</strong> Komplettera "
                    "partnerskapsskissen med en enkel plan för uppföljning: Vad följer "
                    "vi upp? Hur samlar vi in det? När träffas parterna för att samtala "
                    "om resultaten?</p>"
                    "<p><strong>Övning 2: Avslutningsrunda.</strong> Varje deltagare "
                    "avslutar meningen ”Nästa gång jag hör ordet IOP kommer jag att "
                    "tänka på …”.</p>"
                ),
                "leader_notes": (
                    "<p>Påminn om att uppföljning inte bara handlar om kontroll utan om "
                    "att lära. Fråga gärna gruppen vilka uppföljningar de själva har "
                    "varit med om som faktiskt har lett till förändring.</p>"
                    "<p>Använd den sista halvtimmen till utvärdering och till att "
                    "samla idéer om hur deltagarna vill gå vidare. Kanske finns det en "
                    "skiss som är värd att visa för kommunen eller för en "
                    "föreningsstyrelse?</p>"
                ),
                "principles": ["kvalitet", "oppenhet-och-insyn", "dialog"],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Modul 3
    # ------------------------------------------------------------------
    {
        "title": "Dialog och inflytande – idéburna organisationer och kommunen",
        "slug": "dialog-och-inflytande",
        "intro": (
            "Hur får idéburna organisationer verkligt inflytande i frågor som rör "
            "de människor de finns till för? Studiecirkeln handlar om dialog, "
            "samråd och påverkan – och om hur fler röster kan komma till tals."
        ),
        "search_description": (
            "Studiecirkel om dialog och inflytande: hur idéburna organisationer och "
            "kommunen kan samråda, påverka och låta fler röster höras."
        ),
        "target_groups": ["ideburna", "kommun"],
        "principles": [
            "dialog",
            "sjalvstandighet-och-oberoende",
            "oppenhet-och-insyn",
            "mangfald",
            "langsiktighet",
        ],
        "body": [
            ("heading", "Varför dialog?"),
            (
                "paragraph",
                "<p>Idéburna organisationer bär på kunskap om människors vardag som "
                "sällan syns i statistik och utredningar. Överenskommelsen ger dem en "
                "tydlig roll som röstbärare och opinionsbildare, och principen om "
                "dialog säger att parterna ska mötas öppet och "
                "förtroendefullt.</p>"
                "<p>Men dialog uppstår inte av sig själv. Den kräver former, "
                "förberedelser och en vilja att lyssna hos båda parter. I den här "
                "studiecirkeln undersöker ni hur dialogen fungerar i er kommun och "
                "vad ni själva kan göra för att den ska bli bättre.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "Fem steg av delaktighet",
                    "text": (
                        "<p>Ett vanligt sätt att beskriva olika grader av delaktighet "
                        "är en trappa med stegen <em>information</em>, "
                        "<em>konsultation</em>, <em>dialog</em>, <em>inflytande</em> "
                        "och <em>medbeslutande</em>. Modellen används bland annat i "
                        "kommuners och regioners arbete med medborgardialog. Den är ett "
                        "bra stöd när ni vill reda ut vilken möjlighet att påverka en "
                        "viss dialog faktiskt ger.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "Vi gick från att bli inbjudna att tycka till om färdiga "
                        "förslag till att vara med och skriva dagordningen."
                    ),
                    "attribution": "Ordförande i en lokal förening, deltagare i en pilotcirkel",
                },
            ),
            (
                "discussion_question",
                {
                    "question": (
                        "När kände du senast att du verkligen hade påverkat ett beslut "
                        "– och vad var det som gjorde det möjligt?"
                    ),
                    "hint": "Frågan fungerar bra som inledning på första träffen.",
                },
            ),
        ],
        "sessions": [
            {
                "title": "Vad menar vi med dialog?",
                "anchor": "vad-ar-dialog",
                "aim": (
                    "Deltagarna får ett gemensamt språk för olika grader av "
                    "delaktighet och kan skilja mellan information, samråd och verklig "
                    "dialog."
                ),
                "length_minutes": 120,
                "reading": (
                    "<p>Läs principsidan om dialog och modulens inledning, särskilt "
                    "faktarutan om de fem stegen av delaktighet.</p>"
                ),
                "discussion_questions": [
                    "Vad är skillnaden mellan att bli informerad, att bli tillfrågad "
                    "och att vara med och bestämma?",
                    "På vilket steg i trappan befinner sig de flesta av våra kontakter "
                    "med kommunen eller regionen?",
                    "Är målet alltid att komma så högt upp i trappan som möjligt?",
                    "Vad kännetecknar ett möte där du kände dig lyssnad på?",
                ],
                "exercises": (
                    "<p><strong>Övning: Trappan på golvet.</strong> Lägg ut fem papper "
                    "på golvet med trappans steg: information, konsultation, dialog, "
                    "inflytande och medbeslutande.</p>"
                    "<ol>"
                    "<li>Varje deltagare tänker på ett möte eller en kontakt mellan "
                    "kommunen eller regionen och en förening under det senaste "
                    "året.</li>"
                    "<li>Deltagarna ställer sig på det steg som bäst beskriver mötet "
                    "och berättar kort om det.</li>"
                    "<li>Samtala om var de flesta hamnade – och var ni skulle vilja att "
                    "de hamnade.</li>"
                    "</ol>"
                ),
                "leader_notes": (
                    "<p>Övningen fungerar bäst om du som cirkelledare börjar med ett "
                    "eget exempel. Då blir det lättare för andra att dela med sig.</p>"
                    "<p>Påminn om att alla steg kan vara rätt i olika situationer. "
                    "Ibland är information precis vad som behövs. Problemet uppstår "
                    "när något kallas dialog men i själva verket är information.</p>"
                    "<p>Räkna med 45 minuter för övningen och lämna tid till frågan om "
                    "vad gruppen vill få ut av cirkeln.</p>"
                ),
                "principles": ["dialog"],
            },
            {
                "title": "Röstbärare och granskare",
                "anchor": "rostbarare",
                "aim": (
                    "Deltagarna samtalar om hur idéburna organisationer kan driva "
                    "opinion och kritisera samtidigt som de samarbetar, och hur "
                    "kommunen kan ta emot kritik på ett konstruktivt sätt."
                ),
                "length_minutes": 135,
                "reading": (
                    "<p>Läs principsidan om självständighet och oberoende.</p>"
                    "<p>Leta gärna upp en debattartikel, en insändare eller ett "
                    "remissvar från en lokal förening och ta med till träffen.</p>"
                ),
                "discussion_questions": [
                    "Vad innebär det att vara röstbärare för en grupp – och hur vet "
                    "organisationen att den för fram gruppens verkliga synpunkter?",
                    "Hur kan kritik framföras så att den leder till förändring och inte "
                    "bara till försvar?",
                    "Hur tar en förvaltning emot kritik från en organisation som den "
                    "samtidigt ger stöd till?",
                    "Var går gränsen mellan att vara samarbetspart och att vara "
                    "opinionsbildare – och behöver det finnas en gräns?",
                ],
                "exercises": (
                    "<p><strong>Övning: Två roller.</strong> Arbeta i par. Den ena är "
                    "ordförande i en förening som får stöd från kommunen och vill "
                    "framföra allvarlig kritik mot hur kommunen hanterar en fråga. Den "
                    "andra är tjänsteperson på den förvaltning som kritiken gäller.</p>"
                    "<ol>"
                    "<li>Spela upp ett kort samtal på fem minuter.</li>"
                    "<li>Byt roller och gör om samtalet.</li>"
                    "<li>Samtala i helgrupp: Hur kändes de olika rollerna? Vad gjorde "
                    "samtalet lättare eller svårare?</li>"
                    "</ol>"
                ),
                "leader_notes": (
                    "<p>Rollspel kan kännas ovant. Det går bra att i stället låta paren "
                    "samtala om hur de skulle ha agerat, utan att spela upp det. Låt "
                    "deltagarna välja.</p>"
                    "<p>Var uppmärksam om gruppen har med personer som befinner sig i "
                    "en verklig konflikt. Håll då övningen på ett allmänt plan och "
                    "undvik att diskutera enskilda ärenden.</p>"
                    "<p>Avsluta med att samla gruppens bästa råd för hur kritik kan "
                    "framföras och tas emot. Skriv upp dem och spara till sista "
                    "träffen.</p>"
                ),
                "principles": ["sjalvstandighet-och-oberoende", "dialog"],
            },
            {
                "title": "Vilka hörs – och vilka saknas?",
                "anchor": "vilka-hors",
                "aim": (
                    "Deltagarna undersöker vilka organisationer och grupper som deltar "
                    "i dialogen lokalt och tar fram idéer för hur fler röster kan "
                    "komma fram."
                ),
                "length_minutes": 135,
                "reading": (
                    "<p>Läs principsidan om mångfald.</p>"
                    "<p>Ta reda på vilka organisationer som har bjudits in till de "
                    "senaste samråden eller dialogmötena i kommunen, till exempel genom "
                    "protokoll eller inbjudningslistor.</p>"
                ),
                "discussion_questions": [
                    "Vilka organisationer deltar nästan alltid i dialogen med kommunen, "
                    "och vilka deltar sällan eller aldrig?",
                    "Vilka hinder gör att vissa grupper inte deltar – tid, språk, "
                    "kunskap, förtroende eller något annat?",
                    "Hur kan de etablerade organisationerna hjälpa nya föreningar att "
                    "komma in?",
                    "Vad kan studieförbunden göra för att nå grupper som annars inte "
                    "hörs?",
                ],
                "exercises": (
                    "<p><strong>Övning: Den tomma stolen.</strong> Ställ en tom stol i "
                    "ringen och fråga: Vem borde sitta här? Deltagarna föreslår i tur "
                    "och ordning en grupp eller organisation som saknas i dialogen och "
                    "förklarar varför.</p>"
                    "<p>Välj sedan två av förslagen och gör en plan i tre steg för hur "
                    "ni skulle kunna nå dem.</p>"
                ),
                "leader_notes": (
                    "<p>Samtalet om vilka som saknas blir lätt abstrakt. Be deltagarna "
                    "vara så konkreta som möjligt: vilken förening, vilket "
                    "bostadsområde, vilken grupp.</p>"
                    "<p>Tänk på att cirkeln själv kanske inte speglar mångfalden i "
                    "kommunen. Det kan vara värt att säga högt och ta med som en fråga "
                    "för gruppen.</p>"
                ),
                "principles": ["mangfald", "dialog"],
            },
            {
                "title": "Samråd i praktiken",
                "anchor": "samrad",
                "aim": (
                    "Deltagarna lär sig förbereda, genomföra och följa upp ett samråd "
                    "eller dialogmöte så att det blir meningsfullt för alla parter."
                ),
                "length_minutes": 150,
                "reading": (
                    "<p>Läs principsidan om öppenhet och insyn.</p>"
                    "<p>Ta med en aktuell inbjudan till samråd, en remiss eller en "
                    "dagordning från ett dialogmöte, om ni har tillgång till en "
                    "sådan.</p>"
                ),
                "discussion_questions": [
                    "Vad behöver en organisation veta i förväg för att kunna bidra i "
                    "ett samråd?",
                    "Hur långt i förväg behöver en inbjudan komma för att ideellt "
                    "aktiva ska hinna förbereda sig?",
                    "Vem ansvarar för att återkoppla vad som hände med synpunkterna?",
                    "Hur kan minnesanteckningar och beslut göras tillgängliga för alla "
                    "som berörs?",
                ],
                "exercises": (
                    "<p><strong>Övning: Vi planerar ett dialogmöte.</strong> Gruppen "
                    "planerar ett dialogmöte mellan kommunen och de lokala föreningarna "
                    "om en fråga som ni själva väljer.</p>"
                    "<ol>"
                    "<li>Bestäm syftet: Vad ska mötet leda till, och vilket steg i "
                    "delaktighetstrappan handlar det om?</li>"
                    "<li>Skriv en inbjudan som är kort, tydlig och begriplig även för "
                    "den som är ny.</li>"
                    "<li>Gör en dagordning där både kommunen och föreningarna får tid "
                    "att tala.</li>"
                    "<li>Bestäm hur ni ska återkoppla efter mötet och inom vilken "
                    "tid.</li>"
                    "</ol>"
                ),
                "leader_notes": (
                    "<p>Det här är en praktisk träff som kräver tid. Ge grupperna minst "
                    "en timme för planeringen.</p>"
                    "<p>Om deltagarna kommer från både kommunen och föreningar, blanda "
                    "grupperna. Då märks det snabbt att parterna ofta har olika "
                    "förväntningar på samma möte.</p>"
                    "<p>Uppmuntra gruppen att faktiskt använda planen. En dagordning "
                    "från en studiecirkel kan bli början på ett riktigt "
                    "dialogforum.</p>"
                ),
                "principles": ["oppenhet-och-insyn", "dialog"],
            },
            {
                "title": "Vår plan för inflytande",
                "anchor": "var-plan",
                "aim": (
                    "Deltagarna sammanfattar vad de har lärt sig och gör en konkret "
                    "plan för hur de själva vill stärka dialogen och inflytandet på "
                    "lång sikt."
                ),
                "length_minutes": 120,
                "reading": (
                    "<p>Läs principsidan om långsiktighet. Ta med anteckningar och "
                    "resultat från cirkelns tidigare träffar.</p>"
                ),
                "discussion_questions": [
                    "Vad har vi lärt oss om hur dialogen fungerar i vår kommun?",
                    "Vilken förändring vill vi se om ett år – och om fem år?",
                    "Hur kan vi se till att dialogen lever vidare när personer byts "
                    "ut, i föreningarna och i kommunen?",
                    "Vem behöver vi ha med oss för att planen ska bli verklighet?",
                ],
                "exercises": (
                    "<p><strong>Övning: Planen på en sida.</strong> Gör tillsammans en "
                    "plan som får plats på ett papper:</p>"
                    "<ol>"
                    "<li>Vårt mål: Vad vill vi uppnå?</li>"
                    "<li>Tre aktiviteter under det närmaste året.</li>"
                    "<li>Vem ansvarar för vad?</li>"
                    "<li>När och hur stämmer vi av att det blir gjort?</li>"
                    "</ol>"
                ),
                "leader_notes": (
                    "<p>Hjälp gruppen att hålla planen realistisk. Det är bättre med en "
                    "liten sak som blir gjord än med en stor plan som ingen orkar "
                    "genomföra.</p>"
                    "<p>Avsluta med en utvärdering och fråga om deltagarna vill "
                    "fortsätta i någon form. Studieförbundet kan hjälpa till med en "
                    "fortsättningscirkel eller med att ordna ett öppet möte där planen "
                    "presenteras.</p>"
                ),
                "principles": ["dialog", "langsiktighet"],
            },
        ],
    },
]
