package io.dex.streams.query;

import java.math.BigDecimal;

/**
 * A member's running sales and purchases ({@code GET /api/v1/volume/members/{memberId}}).
 *
 * @param memberId          the member
 * @param salesTrades       accepted trades in which it sold
 * @param salesVolumeCny    their volume in CNY
 * @param purchaseTrades    accepted trades in which it bought
 * @param purchaseVolumeCny their volume in CNY
 */
public record MemberTrading(String memberId, long salesTrades, BigDecimal salesVolumeCny,
                            long purchaseTrades, BigDecimal purchaseVolumeCny) {
}
