package org.carrierhost.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The numbers the simulated account can order (available) and the ones it holds (owned). Ordering moves
 * numbers from available to owned; disconnecting moves them back.
 *
 * <p>Thread-safe: every method is synchronized on the instance, so a take of several numbers is atomic.
 */
public final class Stock {

    static final Set<String> TOLL_FREE_NPAS = Set.of("800", "833", "844", "855", "866", "877", "888");

    private final TreeMap<String, StockEntry> available = new TreeMap<>();
    private final Map<String, StockEntry> owned = new HashMap<>();

    public Stock(List<StockEntry> entries) {
        entries.forEach(e -> available.put(e.number(), e));
    }

    /**
     * A default stock: Montclair NJ 973-370 and 973-371, Raleigh NC 919-380 and Cary 919-460, and toll-free
     * 855-200, 855-300, 888-400.
     */
    public static List<StockEntry> defaultEntries() {
        List<StockEntry> entries = new ArrayList<>();
        entries.addAll(block("973370", 1000, 25, "MONTCLAIR", "MONTCLAIR", "224", "NJ"));
        entries.addAll(block("973371", 2000, 10, "MONTCLAIR", "MONTCLAIR", "224", "NJ"));
        entries.addAll(block("919380", 3000, 20, "RALEIGH", "RALEIGH", "426", "NC"));
        entries.addAll(block("919460", 4000, 10, "CARY", "CARY", "426", "NC"));
        entries.addAll(block("855200", 5000, 10, "", "", "", ""));
        entries.addAll(block("855300", 6000, 10, "", "", "", ""));
        entries.addAll(block("888400", 7000, 10, "", "", "", ""));
        return entries;
    }

    /**
     * Reads a stock file: one line per number or block, {@code NUMBER,City,RateCenter,LATA,State[,count]}.
     * NUMBER is ten digits (one number) or six digits NPA-NXX (a block of {@code count} numbers, default
     * 20, from line 1000). Blank lines and lines starting with {@code #} are skipped.
     */
    public static List<StockEntry> readFile(Path file) throws IOException {
        List<StockEntry> entries = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] f = trimmed.split(",", -1);
            String number = f[0].trim();
            String city = field(f, 1);
            String rateCenter = field(f, 2);
            String lata = field(f, 3);
            String state = field(f, 4);
            try {
                if (number.length() == 6) {
                    int count = f.length > 5 && !f[5].isBlank() ? Integer.parseInt(f[5].trim()) : 20;
                    entries.addAll(block(number, 1000, count, city, rateCenter, lata, state));
                } else {
                    entries.add(new StockEntry(number, city, rateCenter, lata, state));
                }
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    private static String field(String[] fields, int i) {
        return fields.length > i ? fields[i].trim() : "";
    }

    private static List<StockEntry> block(String npaNxx, int firstLine, int count, String city, String rateCenter,
                                          String lata, String state) {
        List<StockEntry> entries = new ArrayList<>();
        for (int i = 0; i < count && firstLine + i <= 9999; i++) {
            entries.add(new StockEntry(npaNxx + String.format("%04d", firstLine + i), city, rateCenter, lata, state));
        }
        return entries;
    }

    /** Up to {@code limit} available numbers matching {@code filter}, in number order. */
    public synchronized List<StockEntry> find(Predicate<StockEntry> filter, int limit) {
        return available.values().stream().filter(filter).limit(limit).toList();
    }

    /** Moves all of {@code numbers} to owned, or none when any is not available. */
    public synchronized boolean take(List<String> numbers) {
        if (!numbers.stream().allMatch(available::containsKey)) {
            return false;
        }
        numbers.forEach(n -> owned.put(n, available.remove(n)));
        return true;
    }

    /** Moves all of {@code numbers} back to available, or none when any is not owned. */
    public synchronized boolean release(List<String> numbers) {
        if (!numbers.stream().allMatch(owned::containsKey)) {
            return false;
        }
        numbers.forEach(n -> available.put(n, owned.remove(n)));
        return true;
    }

    public synchronized boolean isAvailable(String number) {
        return available.containsKey(number);
    }

    /** The numbers in service on the account, in number order. */
    public synchronized List<String> owned() {
        return owned.keySet().stream().sorted().toList();
    }

    /**
     * Puts {@code number} in service on the account, or takes it out, behind the back of whoever ordered it: what a
     * change made at the carrier's own portal looks like to a client. A number not in the stock is added.
     */
    public synchronized void setOwned(String number, boolean inService) {
        StockEntry entry = available.containsKey(number) ? available.remove(number) : owned.remove(number);
        if (entry == null) {
            entry = new StockEntry(number, "", "", "", "");
        }
        (inService ? owned : available).put(number, entry);
    }

    public synchronized boolean isOwned(String number) {
        return owned.containsKey(number);
    }
}
