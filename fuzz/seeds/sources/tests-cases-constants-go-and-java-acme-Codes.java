package com.acme;

public final class Codes {
    /** 请求参数不合法 */
    public static final int INVALID_ARGUMENT = 40001;

    /**
     * 资源不存在
     */
    public static final int NOT_FOUND = 40401;

    public static final String QUOTA = "Q0001"; // 配额已用完
}
