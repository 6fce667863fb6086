/**
 * The external data the pipeline reads ({@link io.batchtrack.examples.nfl.feed.NflFeed}), served
 * from the sample CSV files shipped as resources ({@link io.batchtrack.examples.nfl.feed.SampleFeed}).
 */
package io.batchtrack.examples.nfl.feed;
