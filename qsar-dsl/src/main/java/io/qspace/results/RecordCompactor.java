package io.qspace.results;

import io.qspace.store.ObjectStore;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads many one-row result records and joins them into one table. The reads are independent and each costs a round
 * trip (a few ms on S3, far more than parsing), so they run on their own small I/O pool rather than the compute pool,
 * whose few threads would leave the network idle.
 */
public final class RecordCompactor {
    /** Enough requests in flight to hide S3 latency; a folder store does not mind. */
    public static final int DEFAULT_THREADS = 16;

    private final ObjectStore store;
    private final int threads;

    public RecordCompactor(ObjectStore store) {
        this(store, DEFAULT_THREADS);
    }

    public RecordCompactor(ObjectStore store, int threads) {
        this.store = store;
        this.threads = Math.max(1, threads);
    }

    /**
     * Each key's record as one row in the current column order, or empty when there is no such object. Records
     * written by an older qspace with other columns are mapped by column name, missing ones left empty.
     */
    public Map<String, Optional<String>> rows(List<String> keys) {
        Map<String, Optional<String>> out = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, keys.size()), r -> {
            Thread t = new Thread(r, "qspace-compact");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Optional<String>>> futures = new ArrayList<>();
            for (String key : keys) {
                futures.add(pool.submit(() -> store.get(key).map(b -> row(new String(b, StandardCharsets.UTF_8)))));
            }
            for (int i = 0; i < keys.size(); i++) {
                out.put(keys.get(i), futures.get(i).get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading result records from " + store.uri(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException("reading result records from " + store.uri() + ": " + io.getMessage(), io);
            }
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The study table: header, then the rows sorted (dataset first, so a dataset's models stay together). */
    public static String table(Collection<String> rows) {
        StringBuilder csv = new StringBuilder(ResultRecord.header()).append('\n');
        rows.stream().filter(r -> !r.isEmpty()).sorted().forEach(row -> csv.append(row).append('\n'));
        return csv.toString();
    }

    /** The data row of a one-row record file, in the current column order; "" when it has none. */
    static String row(String record) {
        int newline = record.indexOf('\n');
        if (newline < 0) {
            return "";
        }
        String header = record.substring(0, newline).strip();
        if (header.equals(ResultRecord.header())) {
            return record.substring(newline + 1).strip();
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(record),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                return "";
            }
            Map<String, String> byName = records.get(0).toMap();
            List<String> fields = new ArrayList<>();
            for (String column : ResultRecord.COLUMNS) {
                fields.add(byName.getOrDefault(column, ""));
            }
            return Csv.row(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
