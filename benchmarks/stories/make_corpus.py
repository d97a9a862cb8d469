"""Writes articles.jsonl and gold.json: the stories benchmark's corpus (written for it; fictional events in
real places, in the style of wire copy). Run it after editing the articles below; the benchmark reads the
files it writes."""

import json
from pathlib import Path

HERE = Path(__file__).parent

# (id, story, date, source, dateline, title, text). Paragraphs are separated by blank lines.
ARTICLES = [
    ("sofala-1", "sofala-floods", "2024-03-04", "Wire Desk", "Beira",
     "Cyclone Elia makes landfall near Beira",
     "Cyclone Elia made landfall near the Mozambican port city of Beira early on Monday, tearing roofs off "
     "homes and cutting power to most of Sofala province, officials said.\n\n"
     "The National Institute for Disaster Management (INGD) said at least 12 people had died and thousands "
     "had fled to schools and churches on higher ground. Winds of up to 180 kilometres an hour were recorded "
     "at Beira airport.\n\n"
     "\"The water came into the houses in minutes,\" said Amelia Chissano, a market trader in the Munhava "
     "district. Roads to the inland town of Dondo were under water, the provincial governor Lourenco "
     "Bulha said."),
    ("sofala-2", "sofala-floods", "2024-03-06", "Wire Desk", "Beira",
     "Death toll from Cyclone Elia rises to 48 in Mozambique",
     "The number of people killed by Cyclone Elia in central Mozambique has risen to 48, the National "
     "Institute for Disaster Management said on Wednesday, as rescuers reached villages cut off by floods "
     "along the Buzi river.\n\n"
     "Governor Lourenco Bulha said boats were taking families from rooftops in Buzi district, where the river "
     "burst its banks on Tuesday. More than 90,000 people are in temporary shelters in Sofala province.\n\n"
     "Power has been restored to parts of Beira, but the port remains closed to large ships."),
    ("sofala-3", "sofala-floods", "2024-03-08", "Coast Agency", "Maputo",
     "Aid flights reach Beira as Mozambique appeals for help",
     "The first aid flights landed in Beira on Friday carrying tents, water purification tablets and food, "
     "four days after Cyclone Elia struck central Mozambique.\n\n"
     "The World Food Programme said it planned to feed 200,000 people in Sofala province over the next "
     "month. President Daniel Chapo appealed for international help, saying the floods along the Buzi and "
     "Pungwe rivers had destroyed crops just weeks before the harvest.\n\n"
     "The National Institute for Disaster Management put the death toll at 53."),
    ("sofala-4", "sofala-floods", "2024-03-12", "Wire Desk", "Beira",
     "Cholera cases reported in flood camps near Beira",
     "Health officials in Mozambique have confirmed 31 cases of cholera in camps for people who fled the "
     "floods left by Cyclone Elia, raising fears of an outbreak around Beira.\n\n"
     "The health ministry said a vaccination campaign would begin in Buzi and Dondo districts next week. "
     "Aid workers said clean water was the most urgent need in the shelters of Sofala province, where tens "
     "of thousands of people remain."),
    ("luzon-1", "luzon-typhoon", "2024-03-05", "Wire Desk", "Manila",
     "Typhoon Bising floods northern Luzon",
     "Typhoon Bising brought heavy rain and floods to northern Luzon on Tuesday, forcing 40,000 people from "
     "their homes in Cagayan and Isabela provinces, the Philippine disaster agency said.\n\n"
     "The National Disaster Risk Reduction and Management Council said three people had drowned in Cagayan. "
     "Rice fields along the Cagayan river were under water."),
    ("luzon-2", "luzon-typhoon", "2024-03-07", "Wire Desk", "Tuguegarao",
     "Cagayan river at record level after Typhoon Bising",
     "The Cagayan river rose to its highest level in a decade on Thursday after Typhoon Bising, flooding "
     "most of Tuguegarao city, officials in Cagayan province said.\n\n"
     "Governor Manuel Mamba said the death toll in the province had risen to 17 and asked the national "
     "government for more rescue boats. The National Disaster Risk Reduction and Management Council said "
     "110,000 people were in evacuation centres across northern Luzon."),
    ("luzon-3", "luzon-typhoon", "2024-03-10", "Coast Agency", "Manila",
     "Philippines counts farm losses from Typhoon Bising",
     "The Philippine agriculture department estimated on Sunday that Typhoon Bising destroyed rice and corn "
     "worth 2.1 billion pesos in Cagayan and Isabela, as flood waters in northern Luzon began to recede.\n\n"
     "Agriculture Secretary Francisco Tiu Laurel said farmers would receive seeds and cash aid. The Cagayan "
     "river fell below the danger level in Tuguegarao for the first time in six days."),
    ("escondida-1", "escondida-strike", "2024-03-04", "Wire Desk", "Santiago",
     "Workers strike at Chile's Escondida copper mine",
     "Workers at Escondida, the world's largest copper mine, walked out on Monday after talks on a new "
     "wage contract with operator BHP broke down, the union said.\n\n"
     "Union No. 1, which represents about 2,400 workers at the mine in Chile's Atacama desert, said BHP had "
     "refused its demand for a bonus of 30 million pesos per worker. BHP said the mine would keep running "
     "with contract staff.\n\n"
     "Copper prices rose 2 percent in London on news of the strike."),
    ("escondida-2", "escondida-strike", "2024-03-06", "Wire Desk", "Antofagasta",
     "Escondida output falls as copper strike enters third day",
     "Output at the Escondida copper mine in northern Chile has fallen by more than half as a strike by "
     "Union No. 1 entered its third day, a BHP spokeswoman said on Wednesday.\n\n"
     "Union leader Patricio Tapia said workers would stay out until BHP improved its offer. Chile's labour "
     "minister Jeannette Jara called both sides to mediation in Antofagasta on Thursday."),
    ("escondida-3", "escondida-strike", "2024-03-09", "Coast Agency", "Santiago",
     "BHP and union reach deal to end Escondida strike",
     "BHP and the main union at its Escondida copper mine in Chile reached a wage deal on Saturday, ending "
     "a five-day strike that cut output at the world's largest copper mine.\n\n"
     "Union No. 1 said members had approved a contract with a bonus of 24 million pesos per worker and a "
     "raise of 4 percent. Labour minister Jeannette Jara said the mediation in Antofagasta had worked. "
     "Copper prices fell in London after the deal."),
    ("hague-1", "dutch-coalition", "2024-03-05", "Wire Desk", "The Hague",
     "Dutch coalition talks collapse over asylum rules",
     "Talks to form a new Dutch government collapsed on Tuesday after the four parties failed to agree on "
     "asylum rules, the negotiator appointed by parliament said in The Hague.\n\n"
     "Ronald Plasterk, who led the talks, said the New Social Contract party had walked out. Its leader "
     "Pieter Omtzigt said the proposed asylum law would not survive the courts."),
    ("hague-2", "dutch-coalition", "2024-03-08", "Wire Desk", "The Hague",
     "Dutch parliament names new coalition negotiator",
     "The Dutch parliament on Friday named former minister Kim Putters to restart coalition talks, three "
     "days after negotiations on asylum rules collapsed.\n\n"
     "Pieter Omtzigt of New Social Contract said his party would return to the talks if the asylum plan was "
     "checked by the Council of State. Putters is to report back to parliament in The Hague within six weeks."),
    ("hague-3", "dutch-coalition", "2024-03-13", "Coast Agency", "Amsterdam",
     "Dutch coalition talks resume under Putters",
     "The four parties trying to form a Dutch government met again on Wednesday under the new negotiator "
     "Kim Putters, with asylum rules still the main obstacle.\n\n"
     "Pieter Omtzigt said New Social Contract had received the Council of State's advice it asked for. "
     "Putters said he was cautiously hopeful that the parties would agree on asylum by April."),
    ("evia-1", "evia-fire", "2024-07-20", "Wire Desk", "Athens",
     "Wildfire forces evacuation of villages on Greek island of Evia",
     "A wildfire driven by strong winds forced the evacuation of six villages in the north of the Greek "
     "island of Evia on Saturday, the fire brigade said.\n\n"
     "More than 200 firefighters and eight water-dropping planes were fighting the blaze near the village "
     "of Limni. Civil protection minister Vassilis Kikilias said the fire had burned through pine forest "
     "and olive groves."),
    ("evia-2", "evia-fire", "2024-07-22", "Wire Desk", "Limni",
     "Evia wildfire reaches coast as firefighters battle second front",
     "The wildfire in northern Evia reached the coast near Limni on Monday, and firefighters opened a "
     "second front to stop it spreading towards the village of Rovies, the Greek fire brigade said.\n\n"
     "Coast guard boats took 300 residents and tourists from beaches near Limni. Vassilis Kikilias said "
     "winds were expected to ease overnight."),
    ("evia-3", "evia-fire", "2024-07-25", "Coast Agency", "Athens",
     "Evia wildfire contained after burning 9,000 hectares",
     "Firefighters contained the wildfire in northern Evia on Thursday after it burned about 9,000 hectares "
     "of forest and farmland around Limni and Rovies, the Greek fire brigade said.\n\n"
     "Civil protection minister Vassilis Kikilias said the government would compensate residents whose "
     "homes were damaged. Police arrested a 57-year-old man suspected of starting the fire by burning "
     "branches."),
    ("isro-1", "isro-lander", "2024-07-19", "Wire Desk", "Bengaluru",
     "India launches lunar lander mission",
     "The Indian Space Research Organisation (ISRO) launched its Chandra-4 lunar lander from the Satish "
     "Dhawan Space Centre in Sriharikota on Friday, aiming for a landing near the moon's south pole next "
     "month.\n\n"
     "ISRO chairman S. Somanath said the rocket had placed the spacecraft in an orbit around Earth as "
     "planned. The lander carries a rover that is to search for water ice."),
    ("isro-2", "isro-lander", "2024-07-24", "Wire Desk", "Bengaluru",
     "Chandra-4 spacecraft leaves Earth orbit for the moon",
     "India's Chandra-4 spacecraft fired its engine on Wednesday to leave Earth orbit and head for the "
     "moon, the Indian Space Research Organisation said.\n\n"
     "ISRO chairman S. Somanath said the lander was healthy and would enter lunar orbit in about a week. "
     "Engineers at the mission control centre in Bengaluru cheered as the burn ended."),
    ("isro-3", "isro-lander", "2024-07-30", "Coast Agency", "New Delhi",
     "Indian lunar lander enters orbit around the moon",
     "The Chandra-4 spacecraft entered orbit around the moon on Tuesday, the Indian Space Research "
     "Organisation said, keeping India on course for a landing near the lunar south pole.\n\n"
     "S. Somanath, the head of ISRO, said the lander would separate from its propulsion module next week. "
     "Prime Minister Narendra Modi congratulated the scientists in Bengaluru."),
    ("lumen-1", "lumen-trial", "2024-07-18", "Wire Desk", "Frankfurt",
     "Former Lumen Pay chief goes on trial in Frankfurt",
     "The former chief executive of the collapsed payments firm Lumen Pay went on trial in Frankfurt on "
     "Thursday, accused of fraud and market manipulation over 1.4 billion euros missing from its accounts.\n\n"
     "Prosecutors say Jonas Brandt inflated the company's revenue for five years. Brandt, who denies the "
     "charges, did not speak in court. The trial at the Frankfurt regional court is expected to last a year."),
    ("lumen-2", "lumen-trial", "2024-07-23", "Wire Desk", "Frankfurt",
     "Lumen Pay auditor tells court of missing bank records",
     "An auditor who examined Lumen Pay's accounts told the Frankfurt regional court on Tuesday that the "
     "firm could not show bank records for most of the cash it reported in Asia.\n\n"
     "Testifying at the fraud trial of former chief executive Jonas Brandt, the auditor said Lumen Pay had "
     "offered screenshots instead of bank statements. Brandt's lawyers said the auditors had signed off "
     "the accounts for years."),
    ("lumen-3", "lumen-trial", "2024-07-29", "Coast Agency", "Berlin",
     "Former Lumen Pay finance head testifies against Brandt",
     "The former finance director of Lumen Pay told a Frankfurt court on Monday that the company's Asian "
     "revenue had been invented on the orders of former chief executive Jonas Brandt.\n\n"
     "The witness, who has agreed to cooperate with prosecutors, said the missing 1.4 billion euros had "
     "never existed. Brandt's lawyers said the testimony was an attempt to win a lighter sentence."),
    ("naira-1", "naira-notes", "2024-11-04", "Wire Desk", "Lagos",
     "Nigeria's central bank extends deadline for old naira notes",
     "The Central Bank of Nigeria on Monday extended by three months the deadline for exchanging old naira "
     "notes, after long queues formed at banks in Lagos and Abuja.\n\n"
     "Central bank governor Olayemi Cardoso said banks had not received enough of the redesigned notes. "
     "Traders in Lagos said customers had stopped paying in cash."),
    ("naira-2", "naira-notes", "2024-11-07", "Wire Desk", "Abuja",
     "Nigerian court halts withdrawal of old naira notes",
     "Nigeria's Supreme Court on Thursday ordered the Central Bank of Nigeria not to withdraw the old naira "
     "notes until it rules on a challenge brought by three states.\n\n"
     "The states argued that the shortage of the redesigned notes had hurt traders and farmers. The central "
     "bank said it would obey the order. Governor Olayemi Cardoso was due to appear before the Senate."),
    ("naira-3", "naira-notes", "2024-11-12", "Coast Agency", "Lagos",
     "Cardoso tells Nigerian Senate more new naira notes are coming",
     "Central Bank of Nigeria governor Olayemi Cardoso told the Senate on Tuesday that printing of the "
     "redesigned naira notes had been doubled, as cash shortages continued in Lagos and other cities.\n\n"
     "Cardoso said old notes would remain legal tender while the Supreme Court considers the case brought "
     "by the states. Senators said traders in their states were turning customers away."),
    # Briefings that share a country or a city with the stories above, and nothing else.
    ("single-gas", None, "2024-03-07", "Wire Desk", "Maputo",
     "Mozambique LNG project secures new financing",
     "TotalEnergies said on Thursday it had secured new loans for its liquefied natural gas project in "
     "northern Mozambique, where work stopped in 2021 after attacks by insurgents in Cabo Delgado province.\n\n"
     "The company said construction at the Afungi site would resume this year. Mozambique's finance "
     "minister said the project would double the country's export earnings."),
    ("single-chile-football", None, "2024-03-05", "Wire Desk", "Santiago",
     "Colo-Colo wins Chilean Super Cup",
     "Colo-Colo beat Huachipato 2-0 in Santiago on Tuesday to win Chile's Super Cup, with goals from "
     "Arturo Vidal and Leandro Benegas.\n\n"
     "Coach Jorge Almiron said the win was a good start to the season. About 40,000 fans watched at the "
     "Estadio Nacional."),
    ("single-athens-tourism", None, "2024-07-21", "Wire Desk", "Athens",
     "Greece expects record summer for tourism",
     "Greece expects a record 33 million foreign visitors this year, tourism minister Olga Kefalogianni said "
     "in Athens on Sunday, as airlines added flights to the islands.\n\n"
     "Hotels in Athens and on Crete and Rhodes reported occupancy above 90 percent for July. The minister "
     "said the government would spend more on water supplies for the busiest islands."),
    ("single-india-cricket", None, "2024-07-26", "Wire Desk", "Bengaluru",
     "India name squad for Sri Lanka tour",
     "India named a 16-man squad on Friday for their tour of Sri Lanka, with Shubman Gill as vice-captain, "
     "the Board of Control for Cricket in India said.\n\n"
     "Selectors met in Bengaluru and left out two senior bowlers to rest them before the home season."),
    ("single-philippines-election", None, "2024-03-09", "Wire Desk", "Manila",
     "Philippine senators back charter change vote",
     "The Philippine Senate voted on Saturday to debate changes to the constitution's economic rules, "
     "which would allow foreign investors to own more of local companies.\n\n"
     "Senate President Juan Miguel Zubiri said the debate would take three months in Manila."),
    ("single-dutch-tulips", None, "2024-03-11", "Wire Desk", "Amsterdam",
     "Dutch tulip exports hit by warm winter",
     "Dutch tulip growers expect exports to fall by a tenth this year after a warm winter brought the "
     "flowers out early, the growers' association said in Amsterdam on Monday.\n\n"
     "Auctions at Aalsmeer sold fewer flowers in February than a year ago."),
    ("single-germany-rates", None, "2024-07-24", "Wire Desk", "Frankfurt",
     "German business confidence falls in July",
     "German business confidence fell for a third month in July, the Ifo institute said on Wednesday, as "
     "companies in Frankfurt and other cities reported weaker orders.\n\n"
     "Economists said the European Central Bank could cut interest rates again in September."),
    ("single-nigeria-oil", None, "2024-11-08", "Wire Desk", "Abuja",
     "Nigeria's oil output rises to 1.6 million barrels a day",
     "Nigeria's crude oil output rose to 1.6 million barrels a day in October, the highest in three years, "
     "the petroleum regulator said in Abuja on Friday.\n\n"
     "The regulator said fewer pipeline thefts in the Niger Delta had allowed more oil to reach export "
     "terminals."),
]

# Planted re-sends: (id, the article it copies, date, source, dateline, edit): "correct" changes a figure and
# marks the correction; "agency" is another agency's copy: its own lead, the rest of the text kept.
RESENDS = [
    ("sofala-2-corrected", "sofala-2", "2024-03-06", "Wire Desk", "Beira", "correct", ("48", "46")),
    ("escondida-1-coast", "escondida-1", "2024-03-04", "Coast Agency", "Antofagasta", "agency",
     "Thousands of workers at BHP's Escondida mine in Chile, the biggest copper mine in the world, went on "
     "strike on Monday when wage talks failed, their union said."),
    ("isro-1-coast", "isro-1", "2024-07-19", "Coast Agency", "Sriharikota", "agency",
     "India sent its Chandra-4 lander towards the moon on Friday, with a launch from Sriharikota that the "
     "Indian Space Research Organisation (ISRO) said went to plan."),
    ("lumen-2-corrected", "lumen-2", "2024-07-23", "Wire Desk", "Frankfurt", "correct", ("Tuesday", "Monday")),
]


def main() -> None:
    by_id = {a[0]: a for a in ARTICLES}
    lines, gold = [], {"stories": {}, "duplicates": {}}
    for id, story, date, source, dateline, title, text in ARTICLES:
        lines.append({"id": id, "date": date, "source": source, "dateline": dateline, "title": title, "text": text})
        gold["stories"][id] = story
    for id, original, date, source, dateline, edit, change in RESENDS:
        _, story, _, _, _, title, text = by_id[original]
        if edit == "correct":
            old, new = change
            text = text.replace(old, new, 1)
            title = title.replace(old, new, 1)
        else:
            paragraphs = text.split("\n\n")
            text = "\n\n".join([change, *paragraphs[1:]])
        lines.append({"id": id, "date": date, "source": source, "dateline": dateline, "title": title, "text": text})
        gold["stories"][id] = story
        gold["duplicates"][id] = original
    with open(HERE / "articles.jsonl", "w", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    (HERE / "gold.json").write_text(json.dumps(gold, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
