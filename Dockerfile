# The ledger as a container: built with the Maven wrapper, run on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY ledger-core/ ledger-core/
COPY ledger-projections/ ledger-projections/
COPY ledger-client/ ledger-client/
COPY docs/openapi.json docs/openapi.json
COPY ledger-api/ ledger-api/
COPY ledger-cli/ ledger-cli/
COPY ledger-bench/ ledger-bench/
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
# curl for the health check that docker-compose.yml runs inside the container.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home-dir /app ledger && mkdir -p /data && chown ledger /data
COPY --from=build /src/ledger-api/target/ledger.jar /app/ledger.jar
USER ledger
ENV LEDGER_DATA_DIR=/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/ledger.jar"]
