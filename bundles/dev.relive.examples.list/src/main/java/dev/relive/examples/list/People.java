package dev.relive.examples.list;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The people the list can show: 10,000 rows made from a fixed seed, shared by every session (a stand-in for a
 * database). A session keeps only which of them it has loaded, starred and deleted.
 */
final class People {

    static final int COUNT = 10_000;

    private static final String[] FIRST = { "Ada", "Alan", "Barbara", "Claude", "Dennis", "Donald", "Edsger", "Frances",
        "Grace", "Hedy", "Ivan", "John", "Ken", "Leslie", "Linus", "Margaret", "Niklaus", "Radia", "Rasmus", "Shafi",
        "Sophie", "Tim", "Tony", "Whitfield", "Yukihiro" };
    private static final String[] LAST = { "Allen", "Backus", "Cerf", "Dijkstra", "Engelbart", "Floyd", "Goldberg",
        "Hamilton", "Hopper", "Iverson", "Kay", "Knuth", "Lamport", "Liskov", "Lovelace", "McCarthy", "Perlman",
        "Ritchie", "Thompson", "Wirth" };
    private static final String[] CITIES = { "Amsterdam", "Berlin", "Boston", "Cambridge", "Helsinki", "Kyoto", "Lisbon",
        "London", "Oslo", "Paris", "Toronto", "Zurich" };

    /** One person; {@code id} runs from 1 to {@link #COUNT}. */
    record Person(int id, String name, String city, int score) {
    }

    private static final List<Person> ALL = generate();

    private People() {
    }

    /** The person with {@code id}, 1 to {@link #COUNT}. */
    static Person byId(int id) {
        return ALL.get(id - 1);
    }

    /** The first {@code n} people, by id. */
    static List<Person> first(int n) {
        return ALL.subList(0, Math.min(n, COUNT));
    }

    private static List<Person> generate() {
        Random random = new Random(20_240_601);
        List<String> names = new ArrayList<>();
        for (String f : FIRST) {
            for (String l : LAST) {
                names.add(f + " " + l);
            }
        }
        List<Person> people = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            if (i % names.size() == 0) {
                Collections.shuffle(names, random);
            }
            people.add(new Person(i + 1, names.get(i % names.size()), CITIES[random.nextInt(CITIES.length)],
                    random.nextInt(1000)));
        }
        return List.copyOf(people);
    }
}
