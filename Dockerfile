# Builds and runs Cocrea against PostgreSQL (see docker-compose.yml).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
ENV TZ=America/Argentina/Buenos_Aires
COPY --from=build /src/target/cocrea-*.jar app.jar
# The models are deployed from these folders (mount newer copies over them to change a process without rebuilding).
COPY processes processes
COPY forms forms
EXPOSE 8080
ENTRYPOINT ["java", "-Duser.timezone=America/Argentina/Buenos_Aires", "-Dfile.encoding=UTF-8", "-jar", "app.jar"]
