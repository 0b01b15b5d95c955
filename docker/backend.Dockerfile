# MeiKe backend, JVM image. Build from the repository root:
#   docker build -f docker/backend.Dockerfile -t meike-backend .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml openapi.yaml ./
COPY .mvn .mvn
COPY backend backend
RUN ./mvnw -q -B -f backend package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 1001 meike
COPY --from=build --chown=meike /src/backend/target/quarkus-app/ /app/
USER meike
EXPOSE 8080
ENV JAVA_OPTS_APPEND="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /app/quarkus-run.jar"]
