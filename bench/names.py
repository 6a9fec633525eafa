"""Names for the synthetic corpus: people to swap out and the names swapped in.

The evaluation set lists its people in the gold files; the demo corpus has no gold, so
its recurring people are listed here. Swapping them per article makes entities differ
across the corpus, as they do in a real news feed, instead of repeating 26 stories.
"""

DEMO_PEOPLE = (
    "Marta Okafor",
    "Ingrid Vasquel",
    "Jonas Kettridge",
    "Anneliese Dovrin",
    "Elin Marrow",
    "Selma Drachmann",
    "Orla Benmore",
    "Hugo Tenbrook",
    "Clara Vennick",
    "Nadia Ferrow",
)

GIVEN_NAMES = """
Amara Bruno Chiara Dmitri Efua Farid Greta Hiroshi Ines Jakub Kalinda Lars Mei Nikolai Olusegun Priya
Quentin Rosa Sanjay Tamsin Ugo Valeria Wen Ximena Yusuf Zofia Adebayo Beatriz Cormac Dagny Emeka Fatima
Gideon Halima Ivo Jun Kerstin Luis Maren Nnamdi Oksana Pablo Rania Soren Thandiwe Umar Vesna Wiebke
""".split()

FAMILY_NAMES = """
Abernathy Balogun Castellanos Dahlberg Eze Fontaine Gallagher Haddad Iwasaki Jankowski Kowalczyk Lindqvist
Mbeki Novak Okonkwo Petrakis Quiroga Rasmussen Sandoval Takahashi Ulloa Vasquez Wojcik Xu Yilmaz Zeller
Achterberg Brennan Cardoso Delacroix Engstrom Ferreira Grimaldi Horvath Ibsen Jovanovic Kaplan Lemaire
Moreau Nakamura Oyelaran Pohl Renner Sato Tremblay Underwood Varga Whitaker
""".split()
