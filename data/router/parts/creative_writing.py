"""Creative writing: stories, poems, lyrics and other imaginative text."""
from .common import Group, Hand

TASK = "creative_writing"

ITEMS = [
    Group("short-poem", "easy", 0, [
        "Write a short poem about {subject}.",
        "Compose a haiku about {subject}.",
        "Can you write a limerick about {subject}?",
        "A four-line rhyme about {subject}, please.",
    ], {"subject": [
        "autumn rain", "a lost umbrella", "the first coffee of the day", "a lighthouse", "my grandmother's garden",
        "a cat who hates Mondays", "the night bus", "moving to a new city", "snow on the mountains", "a broken clock",
        "the sea at dawn", "an old pair of boots", "fireflies", "a quiet library",
    ]}, 14),
    Group("short-story", "easy", 0, [
        "Write a short story about {premise}.",
        "Tell me a bedtime story about {premise}.",
        "Write a 200-word story where {premise}.",
    ], {"premise": [
        "a robot who learns to bake bread", "a girl who finds a map in a library book", "a dragon afraid of heights",
        "two strangers stuck in a lift", "a town where it never stops snowing", "a fox who couldn't sleep",
        "an astronaut who misses the smell of rain", "a talking teapot", "the last day of summer camp",
        "a detective who is also a cat", "a lighthouse keeper and a mysterious visitor",
    ]}, 11),
    Group("story-starter", "easy", 0, [
        "{opening}",
        "Continue this story: {opening}",
    ], {"opening": [
        "Once upon a time there was a fox who couldn't sleep...",
        "Once upon a time, in a village made of glass,",
        "The letter arrived forty years too late.",
        "Nobody in the town had ever seen the door open.",
        "It was the kind of storm that rearranges a coastline.",
        "Once upon a time a little boat wanted to see the ocean",
        "The last train of the night stopped at a station that wasn't on the map.",
        "My grandfather kept a box under his bed that none of us were allowed to touch.",
    ]}, 8),
    Group("occasion-verse", "medium", 0, [
        "Write {form} for {occasion}.",
        "Could you write {form} for {occasion}? Keep it warm and a little funny.",
    ], {"form": ["a toast", "a short poem", "a card message", "song lyrics (one verse and chorus)", "a rhyming speech"],
        "occasion": [
            "my sister's wedding", "a colleague retiring after 30 years", "my parents' 40th anniversary",
            "a friend's graduation", "our team's product launch", "a farewell to our old office",
            "my dog's 10th birthday", "a baby shower",
        ]}, 10),
    Group("genre-scene", "medium", 0, [
        "Write a {genre} scene where {situation}.",
        "Draft the opening paragraph of a {genre} novel in which {situation}.",
    ], {"genre": ["noir", "science fiction", "cosy mystery", "fantasy", "horror", "romantic comedy"],
        "situation": [
            "a courier delivers a package to the wrong planet", "the heroine discovers her neighbour is a ghost",
            "two rival bakers are snowed in together", "a librarian finds a book that writes itself",
            "a detective interviews a suspicious parrot", "a ship's AI refuses an order",
        ]}, 10),
    Group("strict-form", "hard", 1, [
        "Write a {form} about {subject}. Hard requirements: {rules}. After the poem, annotate each line with its syllable "
        "count and rhyme letter so I can check it.",
    ], {"form": ["Petrarchan sonnet", "villanelle", "sestina"], "subject": [
        "a city power cut", "a migrating flock of geese", "an abandoned observatory", "learning a second language",
    ], "rules": [
        "strict iambic pentameter, the rhyme scheme of the form, and the first letters of the lines spell out a word",
        "the two refrains must be repeated exactly, every line exactly 10 syllables, no word longer than three syllables",
        "the six end-words must rotate in the traditional order and the envoi must contain all six",
    ]}, 7),
    Group("constrained-story", "hard", 1, [
        "Write a {length} story that satisfies ALL of these constraints: {constraints}. Then list each constraint and point "
        "to where the story satisfies it.",
    ], {"length": ["500-word", "700-word", "1,000-word"], "constraints": [
        "told in reverse chronological order, three narrators whose voices are clearly different, a twist that is "
        "foreshadowed in the first paragraph, and no use of the letter 'z'",
        "set in a single room in real time, exactly five characters each with a secret, every secret revealed through "
        "dialogue only, and the last line echoes the first",
        "written as a series of emails, a plot hole in the first email that is resolved by the last, one unreliable "
        "correspondent, and a consistent timeline across time zones",
        "second-person narration, a non-linear structure with dated sections, a subplot that mirrors the main plot, and "
        "an ending that recontextualises the title",
    ]}, 6),
    Hand("quick-creative", "easy", 0, [
        "Tell me a story.",
        "Write a funny two-line poem about Mondays.",
        "Make up a short fairy tale about a brave mouse.",
        "Write a haiku about tea.",
        "Invent a superhero whose power is extremely mundane and describe them in a paragraph.",
        "Write a limerick about a forgetful wizard.",
        "Describe a sunset over the sea in three sentences, poetically.",
        "Write a riddle whose answer is 'shadow'.",
        "Write a tiny story in exactly six words.",
        "Make up a nursery rhyme about brushing teeth.",
        "Write a short poem for my mum's birthday card.",
        "Write a few lines of rap about recycling.",
    ]),
    Hand("medium-creative", "medium", 0, [
        "Write a short dialogue between a barista and a customer who can't decide what to order, ending with a small twist.",
        "Write a diary entry from the point of view of a houseplant that's been forgotten on a windowsill.",
        "Write song lyrics for a road-trip song with a catchy chorus.",
        "Write a spooky campfire story that's suitable for 10-year-olds.",
        "Write a monologue for a villain who thinks they're the hero.",
        "Write a postcard from a Victorian explorer arriving in a modern shopping mall.",
        "Write a short sci-fi story about the first message received from another star, in about 400 words.",
        "Write the opening of a mystery novel set on an overnight ferry.",
    ]),
    Hand("hard-creative", "hard", 1, [
        "Write a one-act play (about 1,500 words) for three actors where each character speaks only in questions, the "
        "power dynamic between them inverts twice, and the staging directions alone reveal a secret none of them say aloud.",
        "Write a short story in which every paragraph is exactly one sentence longer than the previous one (start at "
        "one), the narrator's age is never stated but can be deduced precisely from clues, and the story works both as "
        "a ghost story and as a story about grief.",
        "Compose a double acrostic poem of 12 lines where the first letters spell 'NORTHERN LIGHT' minus the space and the "
        "last letters spell a word of your choice, in consistent anapestic metre, and include a glossary of the "
        "metrical feet you used per line.",
    ]),
]
