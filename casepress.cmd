@echo off
rem casepress launcher for Windows, the twin of ./casepress: builds the tool when the jar is
rem missing or older than the sources, picks the Java, prepares the start-up archive once per
rem build, and hands check and render to the warm casepress process (docs/warm.md).
rem Needs only a JDK 17+; Maven comes through the wrapper (mvnw.cmd).
rem Written with goto rather than ( ) blocks: cmd expands %variables% in a block before it runs.
setlocal EnableExtensions
set "here=%~dp0"
if "%here:~-1%"=="\" set "here=%here:~0,-1%"
set "jar=%here%\target\casepress-cli.jar"

rem Stale when the jar is missing or pom.xml or a file under src\main is newer than it; a start-up
rem archive older than the jar (the client's too) belongs to an earlier build and is removed in
rem the same look.
if not exist "%jar%" goto build
powershell -NoProfile -NonInteractive -Command "$j=(Get-Item -LiteralPath '%jar%').LastWriteTimeUtc; foreach ($c in @('casepress.jsa','casepress.aot') + @(Get-ChildItem -LiteralPath '%here%\target' -Filter 'casepress-client-*.jsa' -Name)) { $a=Join-Path '%here%\target' $c; if ((Test-Path -LiteralPath $a) -and (Get-Item -LiteralPath $a).LastWriteTimeUtc -lt $j) { Remove-Item -LiteralPath $a } }; $n=Get-ChildItem -LiteralPath '%here%\pom.xml','%here%\src\main' -Recurse -File | Where-Object { $_.LastWriteTimeUtc -gt $j } | Select-Object -First 1; if ($n) { exit 1 } else { exit 0 }"
if errorlevel 1 goto build
goto java

:build
echo casepress: building the tool (first run, or the sources changed)... 1>&2
pushd "%here%"
call mvnw.cmd -q -B -DskipTests package > "%here%\target.build.log" 2>&1
set build=%errorlevel%
popd
if "%build%"=="0" goto built
type "%here%\target.build.log" 1>&2
echo casepress: the build failed; see the messages above. 1>&2
exit /b 4
:built
del /q "%here%\target.build.log" 2>nul
rem Start-up archives of the previous build would not match the new jar.
del /q "%here%\target\casepress.jsa" "%here%\target\casepress.aot" "%here%\target\casepress-client-*.jsa" 2>nul

:java
rem Which Java: CASEPRESS_JAVA, else JAVA_HOME's, else the one on PATH (17 or newer).
set "java=%CASEPRESS_JAVA%"
if not defined java if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "java=%JAVA_HOME%\bin\java.exe"
if not defined java set "java=java"

rem Asking Java its version starts a JVM, so the answer is kept per Java binary.
set "known=%here%\target\casepress.java-version"
set feature=
if exist "%known%" for /f "usebackq tokens=1,* delims=|" %%a in ("%known%") do if /i "%%a"=="%java%" set "feature=%%b"
if defined feature goto archive
for /f "tokens=3" %%v in ('""%java%" -XshowSettings:properties -version 2>&1 | findstr /c:"java.specification.version""') do set "feature=%%v"
if defined feature (echo %java%^|%feature%)> "%known%" 2>nul

:archive
rem Java 17-24: a class-data sharing archive; 25 and newer: an ahead-of-time cache.
set kind=aot
set "cache=%here%\target\casepress.aot"
for %%v in (17 18 19 20 21 22 23 24) do if "%feature%"=="%%v" set kind=cds
if "%kind%"=="cds" set "cache=%here%\target\casepress.jsa"
if exist "%cache%" goto startup
if defined CASEPRESS_NO_TRAINING goto startup
set train_slug=
for /d %%d in ("%here%\case-studies\*") do if not defined train_slug if exist "%%d\case-study.md" set "train_slug=%%~nxd"
if not defined train_slug goto startup
echo casepress: preparing a faster start (once per build)... 1>&2
set "partial=%cache%.%RANDOM%.part"
set "record=-XX:ArchiveClassesAtExit=%partial%"
if "%kind%"=="aot" set "record=-XX:AOTCacheOutput=%partial%"
set "train_out=%TEMP%\casepress-training-%RANDOM%.pdf"
rem The training render may fail (a draft with errors): the archive is written all the same.
"%java%" -XX:TieredStopAtLevel=1 %record% -Xlog:disable -jar "%jar%" render %train_slug% --workspace "%here%" --output "%train_out%" >nul 2>&1
if exist "%partial%" move /y "%partial%" "%cache%" >nul
del /q "%train_out%" "%partial%" 2>nul

:startup
set startup=
if exist "%cache%" if "%kind%"=="aot" set "startup=-XX:AOTCache=%cache%"
if exist "%cache%" if "%kind%"=="cds" set "startup=-XX:SharedArchiveFile=%cache%"

rem check and render go to the warm casepress process (see ./casepress for why these two), which
rem exits after CASEPRESS_WARM_IDLE seconds without a command (default 600), unless
rem CASEPRESS_WARM=off; CI jobs run without it unless CASEPRESS_WARM=on.
rem The warm process's own options (its heap ceiling and giving memory back when idle) are set by
rem the client; CASEPRESS_WARM_JAVA_OPTS adds to them (docs/warm.md).
set "warm=%CASEPRESS_WARM%"
if not defined warm if defined CI set warm=off
if not defined warm set warm=on
if "%warm%"=="off" goto here
rem The client starts from a jar of its own, alone on its class path.
set "client_jar=%here%\target\casepress-client.jar"
if not exist "%client_jar%" goto here
if "%~1"=="check" goto warm
if "%~1"=="render" goto warm
goto here

:warm
rem The client's own class-data archive, per Java feature release, made once per build by a client
rem run of check --help whose output is discarded, kept when it reached a warm process (see
rem ./casepress for why each flag).
set "client_cache=%here%\target\casepress-client-%feature%.jsa"
if exist "%client_cache%" goto client
set "partial=%client_cache%.%RANDOM%.part"
"%java%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData "-XX:ArchiveClassesAtExit=%partial%" -Xlog:disable "-Dcasepress.warm.startup=%startup%" "-Dcasepress.warm.classpath=%jar%" -cp "%client_jar%" org.casepress.cli.warm.WarmClient check --help >nul 2>&1
if not errorlevel 1 if exist "%partial%" move /y "%partial%" "%client_cache%" >nul
del /q "%partial%" 2>nul
:client
set share=-Xshare:auto
if exist "%client_cache%" set "share=-XX:SharedArchiveFile=%client_cache%"
rem Exit code 75: no warm process could be had and nothing was printed, so the command runs here.
"%java%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData "%share%" -Xlog:disable -Xlog:all=warning:stderr "-Dcasepress.warm.startup=%startup%" "-Dcasepress.warm.classpath=%jar%" %CASEPRESS_CLIENT_OPTS% -cp "%client_jar%" org.casepress.cli.warm.WarmClient %*
if "%errorlevel%"=="75" goto here
exit /b %errorlevel%

:here
"%java%" -XX:TieredStopAtLevel=1 %startup% -Xlog:disable -Xlog:all=warning:stderr %CASEPRESS_JAVA_OPTS% -jar "%jar%" %*
exit /b %errorlevel%
