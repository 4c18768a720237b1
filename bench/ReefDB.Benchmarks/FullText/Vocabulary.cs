namespace ReefDB.Benchmarks.FullText;

/// <summary>
/// The words the generated documents are made of: English function words (all on PostgreSQL's english stop
/// list, in roughly their order of frequency in English text) and content lemmas with the inflected forms
/// the Snowball stemmer folds together (cities/city, running/runs/run), so stop-word removal and stemming do
/// real work at index build and at query time. Written here rather than downloaded: the benchmark must run
/// offline and give the same corpus forever.
/// </summary>
internal static class Vocabulary
{
    /// <summary>Stop words, most frequent first.</summary>
    public static readonly string[] StopWords = Split("""
        the of and to a in is that for it as was with be by on not he i this are or his from at which but have an
        they you were her she there been their one all we can has its would more when if will no who so what
        about up out them some into than then could other these only our two any also my may do him most
        your each very such after where those should did both through before same over while because being under
        here does between few down again off further once own during until above below against why how having
        me these nor just too now
        """);

    /// <summary>Noun lemmas (inflected with a plural).</summary>
    public static readonly string[] Nouns = Split("""
        time year people way day man thing woman life child world school state family student group country
        problem hand part place case week company system program question work government number night point home
        water room mother area money story fact month lot right study book eye job word business issue side kind
        head house service friend father power hour game line end member law car city community name president
        team minute idea kid body information back parent face others level office door health person art war
        history party result change morning reason research girl guy moment air teacher force education foot boy
        age policy process music market sense nation plan college interest death experience effect class control
        care field development role effort rate heart drug show leader light voice wife police mind price report
        decision son view relationship town road arm difference value building action model season society tax
        director position player record paper space ground form event official matter center couple site project
        activity star table need court oil situation cost industry figure street image phone data picture practice
        piece land product doctor wall patient worker news test movie north love support technology step baby
        computer type attention film tree source organization hair window evidence population site army camp
        garden river bridge mountain island forest village harbor engine machine bottle kitchen garden library
        letter message signal network server database index query document record column table
        language sentence question answer window screen keyboard button pencil notebook shelf drawer blanket pillow
        candle lamp mirror carpet curtain ceiling floor roof chimney fence gate path meadow valley canyon desert
        ocean lake stream pond shore beach coast cliff cave hill peak glacier volcano storm thunder lightning
        rain snow wind cloud sky sun moon planet galaxy comet orbit rocket satellite telescope microscope
        laboratory experiment theory hypothesis measurement observation equation formula variable function graph
        chart diagram map atlas compass journey voyage adventure traveler passenger ticket station platform train
        railway airport flight pilot captain sailor ship boat anchor harbor cargo container truck driver wheel
        tire brake bicycle motorcycle helmet jacket shirt trousers shoe boot sock glove hat scarf coat dress
        fabric cotton wool silk leather thread needle button pocket collar sleeve farmer harvest wheat barley corn
        rice bean potato tomato onion garlic pepper carrot cabbage lettuce apple orange banana grape cherry peach
        lemon berry melon flower rose tulip daisy blossom seed root branch leaf trunk bark forest animal horse
        cow sheep goat pig chicken duck goose rabbit mouse rat cat dog wolf fox bear deer lion tiger elephant
        monkey snake frog fish shark whale dolphin bird eagle hawk owl crow sparrow insect bee ant butterfly
        spider worm bone skin blood muscle brain lung stomach finger thumb knee shoulder elbow ankle tooth tongue
        lip nose ear cheek chin forehead kingdom empire castle palace temple church cathedral tower wall gate
        bridge tunnel highway avenue neighbor stranger visitor guest host customer client merchant trader banker
        lawyer judge jury witness prisoner soldier officer general admiral king queen prince princess duke
        knight servant peasant citizen voter candidate senator minister ambassador treaty election campaign
        debate argument agreement contract payment invoice receipt budget account profit loss debt loan credit
        investment investor share stock bond currency coin dollar penny salary wage pension insurance
        hospital clinic nurse surgeon medicine vaccine disease infection fever cough symptom treatment therapy
        recovery injury wound bandage pill dose poison chemical element atom molecule protein cell gene virus
        bacterium organism species habitat climate temperature pressure energy fuel battery circuit wire cable
        engineer architect designer artist painter sculptor musician singer dancer actor author writer poet
        novel poem chapter verse paragraph title headline article magazine newspaper journal diary calendar
        schedule deadline meeting conference lecture seminar workshop course lesson exam grade degree diploma
        university professor scholar scientist philosopher historian journalist editor publisher printer
        photograph camera lens album gallery museum exhibit collection statue monument festival holiday birthday
        wedding funeral ceremony celebration tradition custom culture religion belief faith prayer dream memory
        thought feeling emotion fear anger joy sorrow hope desire pride shame guilt courage patience wisdom
        knowledge skill talent habit routine hobby sport match tournament champion victory defeat score goal
        referee stadium audience crowd fan ticket
        """);

    /// <summary>Verb lemmas (inflected with -s, -ed and -ing).</summary>
    public static readonly string[] Verbs = Split("""
        ask work seem feel try leave call need want look use find tell give think come play move live believe
        hold bring happen write provide sit stand lose pay meet include continue set learn change lead
        understand watch follow stop create speak read allow add spend grow open walk win offer remember love
        consider appear buy wait serve die send expect build stay fall cut reach kill remain suggest raise pass
        sell require report decide pull return explain hope develop carry break receive agree support hit
        produce eat cover catch draw choose cause point listen realize place close involve increase improve
        describe discover protect measure compare connect collect combine complete contain control correct
        count cross decrease defend deliver depend design destroy determine discuss divide enjoy enter escape
        establish examine exist explore express extend fail fill finish fix focus force gather guess handle
        hunt identify ignore imagine indicate inform insist invest invite join jump kick kiss knock laugh
        launch limit link manage mark match mention mix notice obtain operate order organize paint perform pick
        plant prefer prepare present press prevent print promise propose prove publish push question reduce
        refer reflect refuse relate release rely remove repair repeat replace represent request rescue resist
        respond rest reveal roll rush save search select separate settle share shout sign sing smile solve
        sort sound start state store study succeed suffer supply surprise survive switch talk taste teach
        test thank train travel treat trust turn visit vote wander warn wash waste wonder worry wrap yell
        calculate classify compile compute configure debug deploy download encrypt execute format generate
        import index install migrate monitor optimize parse query render replicate restore retrieve scan
        schedule simplify stream sync translate update upload validate verify
        """);

    /// <summary>Adjective lemmas (inflected with -ly).</summary>
    public static readonly string[] Adjectives = Split("""
        new good high old great big small large local social national important public bad real strong
        possible political special free clear full recent certain personal open red difficult available likely
        short single medical current wrong private past foreign fine common poor natural significant similar
        hot dead central happy serious ready simple left physical general environmental financial blue
        democratic dark various entire close legal religious cold final main green nice huge popular
        traditional cultural wide deep quick slow warm quiet loud bright soft hard smooth rough sharp heavy
        light gentle brave calm careful clever curious eager famous fierce foolish generous honest humble
        kind lazy loyal modest nervous patient polite proud rapid rare rich rude sad safe silent silly sincere
        steady strange strict sudden swift tender tidy tough ugly violent wild wise anxious elegant precise
        efficient accurate reliable robust secure stable scalable modern ancient massive tiny brief frequent
        obvious visible formal casual equal fair honest direct exact narrow broad dense sparse empty rapid
        """);

    private static string[] Split(string words) =>
        words.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
}
