# Builds the service jar and runs it against the PostgreSQL named by SPRING_DATASOURCE_URL.
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY db db
COPY frontend frontend
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:25-jre
# curl serves the compose health check against /actuator/health/readiness.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system tokenwarden
USER tokenwarden
COPY --from=build /src/target/tokenwarden-*.jar /app/tokenwarden.jar
EXPOSE 8080
# ZGC: pauses under a millisecond; G1's remark pauses (10 to 22 ms) were most of the gateway's p99 (BENCHMARKS.md).
# ZGC lets the heap fill before it collects (the demo load took 5 GB of RAM on a 24-GB machine): it aims at 512 MB,
# and grows past that, up to the JVM's maximum heap, only when it must.
ENTRYPOINT ["java", "-XX:+UseZGC", "-XX:SoftMaxHeapSize=512m", "-jar", "/app/tokenwarden.jar"]
