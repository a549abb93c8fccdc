package org.carrierhost.api;

import java.util.List;

/**
 * What a carrier's search returns: an ordinary list of offers, or a bulk result that describes blocks
 * of consecutive numbers.
 *
 * <p>Thread-safe: both shapes are immutable values.
 */
public sealed interface SearchResult permits SearchResult.Offers, SearchResult.Blocks {

    /** An ordinary result. */
    static SearchResult offers(List<NumberOffer> offers) {
        return new Offers(offers);
    }

    /** A bulk result. */
    static SearchResult blocks(List<NumberBlock> blocks) {
        return new Blocks(blocks);
    }

    /** Every number in the result, as offers; a block gives one offer per number. */
    List<NumberOffer> toOffers();

    /**
     * An ordinary list of offers.
     *
     * @param offers the numbers found
     */
    record Offers(List<NumberOffer> offers) implements SearchResult {
        public Offers {
            offers = List.copyOf(offers);
        }

        @Override
        public List<NumberOffer> toOffers() {
            return offers;
        }
    }

    /**
     * A bulk result: blocks of consecutive numbers.
     *
     * @param blocks the blocks found
     */
    record Blocks(List<NumberBlock> blocks) implements SearchResult {
        public Blocks {
            blocks = List.copyOf(blocks);
        }

        @Override
        public List<NumberOffer> toOffers() {
            return blocks.stream().flatMap(block -> block.numbers().stream().map(number -> {
                java.util.Map<String, Object> data = new java.util.LinkedHashMap<>(block.data());
                data.put("block_start", block.start());
                data.put("block_end", block.end());
                data.put("block_size", block.size());
                return new NumberOffer(number, data);
            })).toList();
        }
    }
}
