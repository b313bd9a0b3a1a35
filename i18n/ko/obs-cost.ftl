# obs-cost 메시지 카탈로그: 한국어. 영어 카탈로그(i18n/en/obs-cost.ftl)와 같은 id, 같은 변수를
# 갖습니다(`cargo test --lib i18n`이 확인). 용어는 i18n/ko/GLOSSARY.md를 따릅니다.

## 공통 낱말

on = 사용
off = 사용 안 함
yes = 예
no = 아니요
unknown = 알 수 없음
decision-migrate-now = 즉시 전환
decision-migrate-gradually = 점진적 전환
decision-stay = 현상 유지(자체 호스팅)
decision-provisional = { $decision } (잠정)
outcome-keep-compose = Docker Compose 유지(자체 호스팅)
outcome-consider-aws = AWS 전환 고려
outcome-migrate-to-aws = AWS 전환 필요
outcome-gradual-migration = 점진적 AWS 전환
payback-never = 회수 불가
payback-cell = { $months }개월
payback-months = { $months }개월
payback-months-growth = { $months }개월 (성장 반영 시 { $month }개월 차)
payback-months-not-in-horizon = { $months }개월 (성장 반영 시 분석 기간 안에 회수 안 됨)
payback-growth-only = { $month }개월 차 (성장 반영 시)
lower-bound = ≥ { $amount } (알 수 없음 { $unknown }개)
crossing-from = { $value } 이상
crossing-below = { $value } 미만
crossing-whole-range = 전 구간
crossing-never = 탐색 범위 안에서는 없음
unconfirmed-default-reason = 이 리전에서 확인되지 않은 가격
depends-on-usage = 사용량에 따라 다름: { $unit }당 { $price }
fx-note = 원화(₩) 금액은 $1 = ₩{ $rate } 환율(--fx-rate로 지정한 값이며 obs-cost는 환율을 가져오지 않습니다)로 환산해 원 단위로 반올림했습니다.
fx-note-dated = 원화(₩) 금액은 { $date } 기준 $1 = ₩{ $rate } 환율(--fx-rate로 지정한 값이며 obs-cost는 환율을 가져오지 않습니다)로 환산해 원 단위로 반올림했습니다.
service-cloudwatch-metrics = CloudWatch 지표
service-cloudwatch-alarms = CloudWatch 경보
service-cloudwatch-dashboards = CloudWatch 대시보드
service-cloudwatch-logs = CloudWatch Logs
service-xray = X-Ray
service-managed-prometheus = Managed Prometheus
service-managed-grafana = Managed Grafana
service-rds = RDS
service-elasticache = ElastiCache
service-fargate = ECS Fargate
service-load-balancers = 로드 밸런서
service-nat-gateways = NAT 게이트웨이
service-data-transfer = 데이터 전송
service-ec2 = EC2
service-ebs = EBS

## 표의 열 이름

col-item = 항목
col-quantity = 수량
col-unit = 단위
col-unit-price = 단가
col-monthly = 월 비용
col-key = 키
col-value = 값
col-source = 출처
col-query = 쿼리
col-window = 기간
col-extrapolated = 외삽 여부
col-metric = 지표
col-series = 시계열
col-cw-custom-per-month = CloudWatch 사용자 지정 지표 / 월
col-amp-per-month = Managed Prometheus / 월
col-target = 대상
col-chosen = 시나리오 선택
col-phase = 단계
col-self-hosted = 자체 호스팅
col-aws = AWS
col-total = 합계
col-service = 서비스
col-forecast = 예측
col-actual = 실제
col-error = 오차
col-forecast-cost = 예측 비용
col-actual-cost = 실제 비용
col-cost-error = 비용 오차
col-infra-delta = 인프라 비용 차이
col-ops-labor-saved = 운영 인력 절감
col-downtime-saved = 다운타임 절감
col-productivity = 개발 생산성
col-net-per-month = 월 순이익
col-one-time-cost = 일회성 비용
col-payback = 회수 기간
col-npv = NPV
col-roi-decision = ROI 판단
col-dau-net-zero = DAU, 순이익 $0
col-dau-net-threshold = DAU, 즉시 전환 기준
col-dau-searched = DAU 탐색 상한
col-team-net-zero = 팀 규모, 순이익 $0
col-team-net-threshold = 팀 규모, 즉시 전환 기준
col-assumption = 가정
col-low = 낮음
col-high = 높음
col-net-at-low = 낮을 때 순이익
col-net-at-high = 높을 때 순이익
col-swing = 변동 폭
col-net-low = 순이익 낮음
col-net-expected = 순이익 기댓값
col-net-high = 순이익 높음
col-npv-low = NPV 낮음
col-npv-expected = NPV 기댓값
col-npv-high = NPV 높음
col-region = 리전
col-location = 위치
col-snapshot = 스냅샷
col-price-id = 가격 ID
col-as-of = 기준일
col-workload = 워크로드
col-explanation = 설명
col-moves = 전환 대상
col-aws-per-month = AWS/월
col-self-hosted-per-month = 자체 호스팅/월
col-one-time = 일회성
col-ops-saved = 운영 절감
col-net-slash-month = 순이익/월
col-decision = 판단
col-quantity-per-month = 수량(월)
col-dau-net-zero-short = DAU 순이익 $0
col-dau-net-threshold-short = DAU 즉시 전환 기준
col-team-net-zero-short = 팀 순이익 $0
col-team-net-threshold-short = 팀 즉시 전환 기준
col-p-net-positive = P(순이익 > 0)
col-net-low-p10 = 순이익 낮음(P10)
col-net-high-p90 = 순이익 높음(P90)
col-scenario = 시나리오
col-result = 결과
col-golden = 골든 파일
col-failures = 실패
col-check = 검사
col-field = 필드
col-expected = 기대값
col-usage-type = 사용 유형
col-usd-per-unit = 단위당 USD
col-status = 상태
col-confirmed = 확인됨
col-derived = 파생
col-unconfirmed = 미확인
col-stale = 오래됨

## 계획: 터미널과 Markdown

plan-heading = 마이그레이션 계획: { $name } ({ $region }, 월 { $hours }시간, 프리 티어 { $free_tier }, 요금표 { $book } 스냅샷 { $snapshot })
plan-inputs = 팀 엔지니어 { $engineers }명(운영 인력 { $ops_fte } FTE, 1인당 월 인건비 { $loaded }), DAU { $dau }(월 { $growth }% 성장), 다운타임 분당 { $downtime }, 운영 부담: { $burden }, 지표 대상 { $target }, 분석 기간 { $horizon }개월(연 할인율 { $discount }%)
plan-baseline = 기준(전부 자체 호스팅): 인프라 월 { $infra }, 가용성 { $availability }% = 월 다운타임 { $minutes }분({ $downtime }), 운영 인력 월 { $ops }
plan-metrics-target = { $target } { $cost }
plan-metrics-target-chosen = { $target } { $cost } [선택됨]
plan-metrics-line = 지표 워크로드만의 월 비용: { $targets }
plan-tree = 의사결정 트리(시드 000): { $outcome }
plan-disagreement = 불일치: { $note }
plan-phase-items = { $phase }단계 { $name }: AWS 청구 항목(누적: { $on_aws }); 일회성 비용 { $one_time } = 인건비 { $labor }({ $phase ->
    [1] 1단계
   *[other] 1~{ $phase }단계
}: 엔지니어 { $weeks }주) + 병행 운영 { $dual }({ $dual_weeks }주)
plan-aws-total = AWS 합계
plan-self-hosted-service = 자체 호스팅 { $service }
plan-actual-title = 예측 대비 실제(plan --actual)
plan-switch-title = 전환 시점(월 순이익이 $0과 즉시 전환 기준을 넘는 지점)
plan-uncertainty-title = 불확실성: 월 순이익 낮음(P10) / 기댓값 / 높음(P90)
plan-tornado-title = 토네이도, { $phase }단계: 월 순이익을 가장 크게 움직이는 가정
plan-mapping-title = 사용량을 AWS로 옮기는 방법
plan-mapping-label = { $phase }단계 { $workload }
actual-total-compared = 비교 합계
actual-extrapolated = { $value }(외삽)
actual-not-measured = 측정 안 됨
actual-quantity = { $name }({ $unit })
actual-source = 실제 사용량 출처: { $file }(CloudWatch, { $region }, { $start }~{ $end }); 오차 = { $error }; 실제 비용은 계획의 가격을 쓰고, 나머지 청구 항목은 예측값을 씁니다.
actual-note = 참고: { $note }
md-plan-title = 마이그레이션 계획: { $name }
md-tree = 의사결정 트리
md-switch = 전환 시점
md-uncertainty = 불확실성
md-tornado = 토네이도, { $phase }단계
md-phase = { $phase }단계 { $name }: AWS { $aws }, 자체 호스팅 { $self_hosted }, 일회성 { $one_time }
md-mapping-label = { $phase }단계 `{ $workload }`

## HTML 보고서

r-title = obs-cost 보고서: { $name }
r-h1 = 마이그레이션 보고서: { $name }
r-context = 시나리오 파일 { $file } · 리전 { $region } · 요금표 { $book }(스냅샷 { $snapshot }) · 프리 티어 { $free_tier } · 월 { $hours }시간
r-generated = 생성 시각 { $time }.
r-rendered-by = 보고서 작성: obs-cost { $version }
r-computed-rendered-by = 계획 계산: { $computed }, 보고서 작성: obs-cost { $version }
r-footer-html = . 모든 숫자는 계획 JSON(<code>obs-cost plan --format json</code>)에서 나옵니다. 이 파일은 네트워크 요청을 하지 않으며 스크립트가 필요 없습니다.
r-headline = ROI 규칙: { $decision }(최적: { $phase }단계 { $name }, 월 순이익 { $net }). 의사결정 트리: { $outcome }.
r-headline-tree-only = 의사결정 트리: { $outcome }.
r-next-stay = 지금은 자체 호스팅을 유지하세요. 월 순이익이 { $threshold } 이상인 단계가 없습니다. 사용량, 팀, 가격이 바뀌면 계획을 다시 계산하세요(전환 시점 참고).
r-next-start = { $phase }단계({ $name })부터 시작하세요. 월 순이익은 { $net }, 일회성 비용은 { $one_time }입니다.
r-next-start-then = { $phase }단계({ $name })부터 시작하세요. 이 단계만으로도 월 순이익은 { $net }, 일회성 비용은 { $one_time }입니다. 이어서 가장 좋은 최종 상태인 { $best }단계({ $best_name })까지 진행하세요.
r-next-on-the-way = 다음 단계는 { $phase }단계({ $name })이지만 이 단계만으로는 이익이 나지 않습니다(월 순이익 { $net }). { $best }단계({ $best_name })로 가는 과정에서만 할 가치가 있습니다.
r-next-no-phase = 이 계획에는 단계가 없습니다.
r-card-net = 월 순이익, { $best }
r-card-net-band = P10~P90: { $band }
r-card-tree = 트리: { $outcome }
r-best-phase = { $phase }단계({ $name })
r-range = { $low } ~ { $high }
r-usage-source = 출처: { $source }.
r-usage-source-none = 이 계획에 기록되지 않음
r-value-source-scenario = 시나리오에 지정
r-value-source-snapshot = 스냅샷
r-value-range = { $expected }(낮음 { $low }, 높음 { $high })
r-window-instant = 순간값
r-window-days = { $days }일
r-window-hours = { $hours }시간
r-window-seconds = { $seconds }초
r-phase-label = { $phase }단계 { $name }
r-phase-number = { $phase }단계
r-total-compared = 비교 합계
r-phase-title = { $phase }단계: { $name }({ $moves } 전환)
r-phase-title-nothing = { $phase }단계: { $name }(새로 전환하는 것 없음)
r-cap-phase-aws = { $title }: AWS 청구 항목
r-cap-phase-self-hosted = { $title }: 남은 자체 호스팅
r-phase-totals = AWS { $aws } + 남은 자체 호스팅 { $self_hosted } = 월 { $total }; 일회성 비용 { $one_time }({ $phase ->
    [1] 1단계
   *[other] 1~{ $phase }단계
} 작업량 엔지니어 { $weeks }주).
r-headline-selected = { $phase }단계 { $name }의 ROI 규칙(이 계획에 담긴 유일한 단계): { $decision }(월 순이익 { $net }). 의사결정 트리: { $outcome }.
r-next-selected = 이 계획에는 { $phase }단계({ $name })만 담겨 있습니다: { $decision }, 월 순이익 { $net }, 일회성 비용 { $one_time }(1~{ $phase }단계의 인건비와 병행 운영). 어디서 시작할지 정하려면 모든 단계를 계획하세요.
r-actual-intro = 실제 사용량은 { $region }의 CloudWatch에서 { $start }부터 { $end }까지 읽었습니다({ $file }). 오차 = { $error }. 실제 비용은 계획의 가격을 쓰며, 서비스의 나머지 청구 항목은 예측 수량을 그대로 씁니다.
r-baseline-totals = 전부 자체 호스팅: 인프라 월 { $infra }, 운영 인력 { $ops }, 가용성 { $availability }%(다운타임 { $minutes }분, { $downtime }).
r-baseline-totals-lower-bound = 전부 자체 호스팅: 인프라 월 { $infra }(하한값: 알 수 없는 청구 항목 { $unknown }개), 운영 인력 { $ops }, 가용성 { $availability }%(다운타임 { $minutes }분, { $downtime }).
r-tornado-figcaption = 가정을 하나씩 낮은 값과 높은 값으로 바꿨을 때(나머지는 기댓값) { $phase }의 월 순이익입니다. 변동 폭이 큰 순서이며, 아래 표에 같은 숫자가 있습니다.
r-cap-tornado = { $phase }의 월 순이익을 가장 크게 움직이는 가정

## HTML 보고서: 고정 문구(-html로 끝나는 id는 마크업을 담고 변수가 없습니다)

r-toc-label = 목차
r-sec-summary = 1. 요약
r-sec-usage = 2. 측정된 사용량
r-sec-phases = 4. 단계별 비용
r-toc-roi = 5. ROI와 현금 흐름
r-sec-roi = 5. 단계별 ROI
r-sec-switch = 6. 전환 시점
r-sec-tree = 7. 의사결정 트리
r-sec-sensitivity = 8. 민감도
r-sec-assumptions = 9. 가정과 출처
r-card-payback = 회수 기간
r-card-payback-sub = 일회성 비용 기준
r-card-npv = 분석 기간 NPV
r-card-npv-sub = 성장률과 할인율 반영
r-card-decision = ROI 규칙 / 의사결정 트리
r-agree-html = <strong>ROI 규칙과 의사결정 트리의 판단이 일치합니다.</strong>
r-disagree-html = <strong>ROI 규칙과 의사결정 트리의 판단이 다릅니다.</strong>
r-next-html = <strong>다음에 할 단계.</strong>
r-cap-usage = 사용량 값과 그 출처
r-h-top = 시계열이 많은 지표
r-top-none-html = 정보 없음: 이 사용량에는 지표별 시계열 수가 없습니다. 어떤 지표 이름이 비용을 끌어올리는지 보려면 스택의 Prometheus를 대상으로 <code>obs-cost measure --top N</code> 명령을 실행하거나 시나리오에 <code>usage.metrics.top_metrics</code> 항목을 추가하세요.
r-cap-top = 시계열이 가장 많은 지표 이름과 각각이 더하는 월 비용
r-cap-targets = 대상별 전체 지표 워크로드의 월 비용
r-phases-intro = 단계는 누적됩니다. N단계에서는 1~N단계에서 옮긴 모든 것이 AWS에서 실행되고, 나머지는 자체 호스팅으로 남습니다.
r-cost-figcaption = 월 인프라 비용: 기준과 각 단계에서 남은 자체 호스팅 비용과 AWS 서비스별 비용입니다. 아래 표에 같은 숫자가 있습니다.
r-cap-cost = 단계별 월 인프라 비용
r-h-actual = 예측 대비 실제
r-cap-actual = 단계·서비스별 예측 대비 실제(월)
r-h-baseline = 기준: 전부 자체 호스팅
r-cap-baseline = 기준 청구 항목(자체 호스팅 인프라를 AWS 정가로 계산)
r-roi-intro = 월 순이익 = − 인프라 비용 차이 + 운영 인력 절감 + 다운타임 비용 절감 + 개발 생산성 향상. 일회성 비용 = 1~N단계의 마이그레이션 인건비 + 병행 운영 비용이며, 0개월 차에 지출합니다.
r-cap-roi = 단계별 ROI(따로 적지 않으면 월 USD)
r-cap-switch = 각 단계의 월 순이익이 $0과 즉시 전환 기준을 넘는 지점
r-tree-figcaption = 시드의 "언제 AWS로 갈아타야 하나" 트리이며, 이 시나리오의 경로는 굵은 파란색입니다.
r-sensitivity-none-html = 이 시나리오에는 범위(<code>{"{"}low, expected, high{"}"}</code>)로 주어진 값이 없어 바꿔 볼 것이 없습니다.
r-cap-uncertainty = 월 순이익과 NPV: 낮음(P10), 기댓값, 높음(P90)
r-h-price-book = 요금표
r-cap-regions = 요금표 리전과 스냅샷 날짜
r-h-mapping = 사용량을 AWS로 옮기는 방법
r-cap-mapping = 자체 호스팅 사용량을 AWS 수량으로 옮긴 방법
r-h-inputs = 시나리오 입력값
r-inputs-none = 이 계획에는 시나리오 값이 없습니다. 시나리오 파일을 보세요.
r-cap-inputs = 시나리오 파일의 모든 값
r-h-notes = 참고 사항

## 차트

chart-baseline = 기준
chart-baseline-all-self-hosted = 기준(전부 자체 호스팅)
chart-self-hosted-series = 자체 호스팅(EC2, EBS 등)
chart-aws-service = AWS { $service }
chart-other-aws = 기타 AWS 서비스
chart-cost-title = 단계·서비스별 월 인프라 비용
chart-cost-desc = 기준과 각 단계의 월 인프라 비용을 남은 자체 호스팅 비용과 AWS 서비스별 비용으로 나눈 것입니다. 합계: 기준 { $baseline }; { $totals }.
chart-phase-total = { $phase }단계 { $total }
chart-usd-per-month = 월 USD
chart-break-even-label = 손익분기, { $phase }단계: { $month }개월 차
chart-breaks-even = { $phase }단계는 { $month }개월 차에 손익분기점에 도달
chart-no-break-even = { $phase }단계는 분석 기간 안에 손익분기점에 도달하지 않음
chart-cash-title = 단계별 누적 현금 흐름
chart-cash-desc = { $months }개월 동안의 누적 현금 흐름(0개월 차 = 일회성 비용; 성장 반영, 할인 미적용): { $sentences }.
chart-month = 개월
chart-threshold = 즉시 전환 기준({ $threshold })
chart-marker-zero = P{ $phase } $0
chart-marker-now = P{ $phase } 즉시
chart-switch-net-title = DAU에 따른 단계별 월 순이익
chart-switch-net-desc = DAU({ $first }~{ $last }, 로그 눈금)에 따른 단계별 월 순이익이며, $0 선과 즉시 전환 기준({ $threshold }) 선을 함께 그렸습니다. 표시한 점은 아래 표의 전환 시점입니다.
chart-dau-log = 일간 활성 사용자(DAU, 로그 눈금)
chart-switch-none = 이 계획에는 DAU에 따른 비용 시계열이 없습니다(이전 버전의 obs-cost로 계산했거나 DAU가 0). 전환 시점은 아래 표에 있습니다.
chart-all-self-hosted = 전부 자체 호스팅
chart-crosses-cheaper-above = { $phase }단계는 DAU { $dau }에서 자체 호스팅 선과 만남(그 이상에서 더 저렴)
chart-crosses-cheaper-below = { $phase }단계는 DAU { $dau }에서 자체 호스팅 선과 만남(그 미만에서 더 저렴)
chart-phase-crossing = { $phase }단계: { $crossing }
chart-switch-title = DAU에 따른 자체 호스팅과 단계별 월 비용
chart-switch-desc = DAU({ $first }~{ $last }, 로그 눈금)에 따른 월 총소유비용: { $method }. { $sentences }.
chart-tree-title = 언제 AWS로 갈아타야 하나: 의사결정 트리
chart-tree-desc = 시드의 의사결정 트리이며, 이 시나리오의 경로를 강조했습니다: { $path }. 결과: { $outcome }.
chart-tornado-title = 월 순이익의 민감도, { $phase }
chart-tornado-desc = 가정을 한 번에 하나씩 낮은 값과 높은 값으로 바꿨을 때 { $phase }의 월 순이익(기댓값 { $expected }): { $rows }.
chart-tornado-row = { $key } { $low } ~ { $high }
chart-net-usd = 월 순이익, USD
chart-tornado-low = 가정이 낮은 값일 때
chart-tornado-high = 높은 값일 때

## 의사결정 트리(시드의 "언제 갈아타야 하나" 차트)

tree-team-size = 팀 규모? (엔지니어 { $engineers }명)
tree-dau = 트래픽 규모? (DAU { $dau })
tree-team-range = { $from }~{ $to }명
tree-ops-burden = 운영 부담? ({ $burden })
tree-in-between = 그 사이
tree-keep-compose = Docker Compose 유지
tree-gradual-migration = 점진적 AWS 전환
tree-migrate-to-aws = AWS 전환 필요
tree-consider-aws = AWS 전환 고려

## 견적(estimate)

estimate-heading = AWS 월 예상 비용: { $region }(월 { $hours }시간), 프리 티어 { $free_tier }, 요금표 { $book } 스냅샷 { $snapshot }
estimate-subtotal = { $service } 소계
estimate-unknown-note = 청구 항목 { $unknown }개는 사용량을 알 수 없어 합계에 들어가지 않았습니다. 수량을 주면 가격을 계산합니다.
md-estimate-title = AWS 월 예상 비용: { $region } **{ $total }**
md-estimate-context = 리전 `{ $region }`, 월 { $hours }시간, 프리 티어 { $free_tier }, 요금표 `{ $book }`(스냅샷 { $snapshot }).

## 시나리오 검사(`scenarios check`)

suite-title = 시나리오 검사(요금표 { $book })
suite-line = { $tag } { $name } ({ $file })
suite-line-updated = { $tag } { $name } ({ $file }, 골든 파일 갱신)
suite-failure = { $kind } { $field }: 기대값 { $expected }, 실제 { $actual }
suite-no-expect = 참고: `expect:` 블록이 없어 골든 파일만 확인합니다
suite-skipped = 건너뜀(시나리오 파일 아님): { $files }
suite-summary = 시나리오 { $scenarios }개: 통과 { $passed }, 실패 { $failed }, 오류 { $errors }
suite-summary-updated = 시나리오 { $scenarios }개: 통과 { $passed }, 실패 { $failed }, 오류 { $errors }; 골든 파일 갱신
suite-kind-expectation = 기대 조건
suite-kind-guardrail = 가드레일
suite-kind-golden = 골든 파일
suite-golden-matches = 일치
suite-golden-differs = 다름
suite-golden-missing = 없음
suite-golden-updated = 갱신됨
suite-golden-not-checked = 확인 안 함
suite-result-error = 오류
suite-result-passed = 통과
suite-result-failed = **실패**
md-suite-title = obs-cost 시나리오 검사
md-suite-summary = **{ $summary }**(요금표 `{ $book }`)
md-suite-error = 오류: { $error }

## 요금표(`pricing show`)

book-title = 요금표: { $origin }
book-summary-title = 요금표: { $origin }, 상태별 항목 수
book-region-title = { $region }({ $location }), 스냅샷 { $snapshot }, { $stale_before } 이전은 오래된 가격
book-tier-over = { $begin } 초과: { $price }
book-stale-date = { $date }(오래됨)
book-notes = * 참고:
book-free-tiers = 프리 티어(계정 전체, 월 기준; `--free-tier off`이면 적용하지 않음):
book-free-tier = { $quantity } { $unit }: { $description } ({ $applies_to })
book-legend = 오래됨: 출처 날짜(as_of)가 리전 스냅샷 날짜보다 { $months }개월 넘게 이전인 가격.
book-legend-as-of = 오래됨: 출처 날짜(as_of)가 --as-of 날짜보다 { $months }개월 넘게 이전인 가격.
book-all = 전체
md-book-notes = 참고(*):
md-book-region = { $region }({ $location }), 스냅샷 { $snapshot }
md-book-stale-before = { $date } 이전은 오래된 가격입니다.

## 가격 표시, 크기 경고, 에이전트 경로 (plan, estimate, report)

flag-derived = 파생
flag-unconfirmed = 미확인
mark-flag = ({ $flag })
mark-flag-stale = ({ $flag }, 오래됨)
mark-stale = (오래됨)
price-flags-summary = 가격: 파생 가격 { $derived }개, 미확인 가격 { $unconfirmed }개, 오래된 가격 { $stale }개(출처 날짜가 요금표 스냅샷보다 { $months }개월 넘게 이전)를 사용했으며, 해당 항목 옆에 표시하고 아래에 나열했습니다. `{ $refresh }` 명령은 이 가격을 AWS에서 다시 읽어 오고, `obs-cost pricing show --region { $region } --status unconfirmed` 명령은 각 가격의 출처를 보여 줍니다.
flagged-stale = 오래된 가격 { $id }{ $rule }(기준일 { $as_of })
flagged-derived = 파생 가격 { $id }{ $rule }(기준일 { $as_of })
flagged-derived-stale = 파생 가격 { $id }{ $rule }(기준일 { $as_of }, 오래됨)
flagged-unconfirmed = 미확인 가격 { $id }{ $rule }(기준일 { $as_of }): { $why }
flagged-unconfirmed-stale = 미확인 가격 { $id }{ $rule }(기준일 { $as_of }, 오래됨): { $why }
plan-sizing-warning = 경고: { $warning }.
r-agents-html = <strong>에이전트가 AWS에 연결하는 경로.</strong>
r-price-marks-html = (파생), (미확인), (오래됨)으로 표시된 단가는 <a href="#assumptions">가정과 출처</a>에 나열되어 있습니다.
r-h-flagged = 사용한 파생·미확인·오래된 가격
r-flagged-none = 없음: 사용한 모든 가격이 해당 리전에서 확인되었고 오래되지 않았습니다.
r-cap-flagged-html = 규칙으로 파생했거나, 해당 리전에서 확인되지 않았거나, 요금표 스냅샷보다 18개월 넘게 오래된 가격(위에서 해당 항목 옆에 표시). <code>obs-cost pricing refresh</code> 명령으로 다시 읽어 옵니다
col-rule-or-why = 규칙 또는 미확인 사유
service-public-ipv4 = 퍼블릭 IPv4 주소
service-vpc-endpoints = VPC 엔드포인트
service-sns = SNS
service-secrets-manager = Secrets Manager
service-s3 = S3
service-ecr = ECR
service-eks = EKS

## 사용되는 시계열: "규칙과 대시보드가 읽는 시계열" (plan 표, Markdown, 보고서)

used-title = 규칙과 대시보드가 읽는 시계열
r-sec-used = 3. 규칙과 대시보드가 읽는 시계열
used-how-to-measure = obs-cost measure --prometheus URL --grafana-dashboards DIR --rule-files 'GLOB' -o usage.yaml(Grafana API를 쓰려면 --grafana URL --grafana-token-file FILE)
used-missing-old = { $title }: 이 계획에는 기록되어 있지 않습니다(이전 빌드로 저장한 계획). 이 빌드로 계획을 다시 세우세요.
used-missing-unmeasured = { $title }: 측정하지 않았기 때문에 아무도 읽지 않는 시계열의 비용을 계산하지 않았습니다. { $how } 명령으로 측정해 그 스냅샷으로 계획하거나, 시나리오에 usage.metrics.series_used_by_rules_and_dashboards 값을 주세요.
used-of-active = 활성 시계열 { $active }개 중 { $used }개({ $share }%)
used-of-active-no-share = 활성 시계열 { $active }개 중 { $used }개
used-active-unknown = 시계열 { $used }개(활성 시계열 수는 알 수 없음)
used-src-scenario = 시나리오에 주어진 값
used-src-snapshot = obs-cost measure로 측정: { $query }({ $window }, { $extrapolated })
used-query-not-recorded = 쿼리가 기록되지 않음
used-extrapolated = 외삽함
used-not-extrapolated = 외삽하지 않음
used-chosen-all = 모든 시계열
used-chosen-used = 사용되는 시계열
used-cw-cost = CloudWatch, 지표 워크로드의 월 비용: 모든 시계열을 보내면 { $all }, 사용되는 시계열만 보내면 { $used }이며, 사용되지 않는 시계열에 매월 { $unused }의 비용이 듭니다. 이 계획은 { $chosen }을 보냅니다(mapping.cloudwatch_series: { $key }).
used-cw-unpriced = CloudWatch: 두 방식으로 비용을 계산하지 못했습니다(활성 시계열이나 사용되는 시계열 수를 알 수 없거나, 어느 단계에서도 지표를 옮기지 않음). 이 계획은 { $chosen }을 보냅니다(mapping.cloudwatch_series: { $key }).
used-amp-cost = Amazon Managed Prometheus는 누가 읽든 모든 샘플을 수집하고 저장합니다. 월 { $total } 중 { $unused }가 사용되지 않는 시계열의 몫입니다(remote write 전에 버리면 이만큼 절약됩니다).
used-amp-unpriced = Amazon Managed Prometheus는 누가 읽든 모든 샘플을 수집하고 저장합니다(여기서는 샘플 수를 알 수 없어 비용을 계산하지 않았습니다).
used-head = { $title }: { $used_of_active }, 지표 이름 { $names }개. 아무도 읽지 않는 시계열: { $unused }.
used-head-no-names = { $title }: { $used_of_active }. 아무도 읽지 않는 시계열: { $unused }.
used-provenance = 사용되는 시계열의 출처: { $provenance }.
used-provenance-note = 사용되는 시계열의 출처: { $provenance }; { $note }.
used-note = 참고: { $note }.
used-unparsed-none = 파싱하지 못한 표현식: 없음.
used-unparsed-count = 파싱하지 못한 표현식: { $count }개(이 표현식의 지표 이름은 사용되는 시계열에서 빠졌을 수 있습니다):
used-unparsed-more-text = … 외 { $count }개(모두 계획 JSON과 HTML 보고서에 있습니다)
col-aws-every-series = AWS, 모든 시계열
col-aws-used-series = AWS, 사용되는 시계열
col-difference = 차이
col-phase-total-uses-short = 단계 합계 기준
col-metric-unread = 아무도 읽지 않는 지표
col-cw-per-month = CloudWatch / 월
col-amp-short-per-month = AMP / 월
used-all-unused = 사용되지 않는 시계열 전체
used-other-unused = 그 밖의 사용되지 않는 시계열
used-total-unused = 사용되지 않는 시계열 합계
used-unparsed-more-report = … 외 { $count }개는 계획 JSON(used_series.unparsed_expressions)에 있습니다.
used-lead = 알림 규칙, 그 규칙이 읽는 기록 규칙, 대시보드가 읽는 시계열은 { $used_of_active }이며 지표 이름 { $names }개에서 나옵니다. 나머지 시계열 { $unused }개는 아무도 읽지 않는데도 수집·저장되고, CloudWatch에서는 사용자 지정 지표로 요금이 청구됩니다.
used-lead-no-names = 알림 규칙, 그 규칙이 읽는 기록 규칙, 대시보드가 읽는 시계열은 { $used_of_active }입니다. 나머지 시계열 { $unused }개는 아무도 읽지 않는데도 수집·저장되고, CloudWatch에서는 사용자 지정 지표로 요금이 청구됩니다.
used-unknown-paren = (알 수 없음)
used-chart-text = 규칙과 대시보드가 읽는 활성 시계열: 사용 { $used }개, 미사용 { $unused }개.
used-chart-title = 활성 시계열: 규칙과 대시보드가 읽는 것과 아무도 읽지 않는 것
used-legend-used = 사용
used-legend-unused = 미사용
used-card-used = 규칙과 대시보드가 읽는 시계열
used-card-unused = 아무도 읽지 않는 시계열
used-card-unused-sub = 읽는 지표 이름 { $names }개
used-card-unused-sub-no-names = 지표 이름 목록 없음
used-card-cw = CloudWatch의 사용되지 않는 시계열
used-card-cw-sub = 월 비용, 이 계획은 { $chosen }을 보냄
used-card-amp = Managed Prometheus의 사용되지 않는 시계열
used-card-amp-sub = 월 비용, AMP는 모든 샘플을 수집
used-prov-snapshot = 스냅샷(obs-cost measure)
used-prov-read = 읽은 대상
used-names-summary = 규칙과 대시보드가 읽는 지표 이름 { $count }개
used-names-more = … 외 { $count }개(계획 JSON에 있음)
r-used-figcaption-tail = 아래 카드와 표에 같은 숫자가 있습니다.
r-cap-used-phases = CloudWatch의 지표: 단계별로 모든 시계열을 보낼 때와 사용되는 시계열만 보낼 때의 월 AWS 비용
col-every-series = 모든 시계열
col-used-series-only = 사용되는 시계열만
col-phase-total-uses = 단계 합계에 쓰는 값
r-cap-unused = 아무도 읽지 않는 지표(큰 것부터)와 사용되지 않는 시계열의 월 비용 중 각 지표의 몫
r-cap-used-provenance = 사용되는 시계열의 출처
r-h-unparsed = 파싱하지 못한 표현식
r-unparsed-none = 없음: 읽은 규칙과 대시보드의 표현식을 모두 파싱했습니다.
r-unparsed-intro = 이 표현식의 지표 이름은 사용되는 시계열에서 빠졌을 수 있습니다(대체 스캐너가 표현식에서 찾은 이름은 셌으며, 어느 이름인지는 오류에 나옵니다). 표현식을 고치거나 단순하게 바꾼 뒤 다시 측정하세요.
r-cap-unparsed = 사용되는 시계열 분석에서 파싱하지 못한 표현식과 그 위치
col-expression = 표현식

## 계획 문서의 문장(`doc-*`): 영어 카탈로그의 같은 id를 계획 문서의 영어 문장과 맞춰 보고 이
## 번역으로 씁니다. t_로 시작하는 변수는 용어이며 함께 번역됩니다.

# 청구 항목(모델)과 가격 구간(cost)
doc-item-cw-custom-metrics = 사용자 지정 지표
doc-item-cw-api-requests = API 요청
doc-item-cw-gmd = GetMetricData 요청 지표
doc-item-alarms-standard = 표준 분해능 경보 지표
doc-item-alarms-high = 고분해능 경보 지표
doc-item-alarms-composite = 복합 경보
doc-item-dashboards = 대시보드
doc-item-logs-standard = 로그 수집(Standard)
doc-item-logs-ia = 로그 수집(Infrequent Access)
doc-item-logs-stored = 로그 저장
doc-item-logs-insights = Logs Insights 스캔 데이터
doc-item-vended-standard = 벤딩 로그 전송(Standard)
doc-item-vended-ia = 벤딩 로그 전송(Infrequent Access)
doc-item-data-transfer-out = 인터넷으로 나가는 데이터 전송
doc-item-ebs-storage = EBS 스토리지({ $name }: { $type })
doc-item-ebs-iops = EBS 프로비저닝된 IOPS({ $name }: gp3 3,000 초과분)
doc-item-ebs-throughput = EBS 프로비저닝된 처리량({ $name }: gp3 125 MB/s 초과분)
doc-item-ec2-instance = EC2 인스턴스({ $name }: { $type }, Linux)
doc-item-cache-nodes = 캐시 노드({ $name }: { $node }, { $engine })
doc-item-cache-backup = 캐시 백업 스토리지({ $name })
doc-item-fargate-vcpu = Fargate vCPU({ $name }: { $arch })
doc-item-fargate-memory = Fargate 메모리({ $name }: { $arch })
doc-item-fargate-storage = Fargate 임시 스토리지({ $name }: 20 GB 초과분)
doc-item-lb-hours = 로드 밸런서 시간({ $name }: application)
doc-item-lb-lcu = 로드 밸런서 용량 단위({ $name }: application)
doc-item-grafana-editors = 편집자 라이선스
doc-item-grafana-viewers = 뷰어 라이선스
doc-item-amp-samples = 수집된 샘플
doc-item-amp-stored = 저장된 지표
doc-item-amp-qsp = 처리된 쿼리 샘플(QSP)
doc-item-nat-hours = NAT 게이트웨이 시간({ $name })
doc-item-nat-processed = NAT 게이트웨이 데이터 처리({ $name })
doc-item-rds-instance = DB 인스턴스({ $name }: { $class }, { $t_az })
doc-item-rds-storage = DB 스토리지({ $name }: { $storage }, { $t_az })
doc-item-rds-iops = DB 프로비저닝된 IOPS({ $name }: gp3 { $baseline } 초과분, { $t_az })
doc-item-rds-backup = DB 백업 스토리지({ $name })
doc-item-xray-recorded = 기록된 추적
doc-item-xray-retrieved = 검색된 추적
doc-item-xray-scanned = 스캔된 추적
doc-item-xray-insights = Insights가 처리한 추적
item-with-tier = { $item }({ $tier })
item-detail-and-tier = { $open }, { $tier })
doc-tier-free = 프리 티어
doc-tier-first = 처음 { $end }
doc-tier-range = { $begin }~{ $end }
doc-tier-over = { $begin } 초과

# 요금표의 단위
doc-unit-gb = GB
doc-unit-gb-hour = GB-시간
doc-unit-gb-month = GB-월
doc-unit-iops-month = IOPS-월
doc-unit-lcu-hour = LCU-시간
doc-unit-mbps-month = MBps-월
doc-unit-alarm-metric-month = 경보 지표-월
doc-unit-alarm-month = 경보-월
doc-unit-dashboard-month = 대시보드-월
doc-unit-hour = 시간
doc-unit-metric = 지표
doc-unit-metric-month = 지표-월
doc-unit-notification = 알림
doc-unit-request = 요청
doc-unit-sample = 샘플
doc-unit-secret-month = 보안 암호-월
doc-unit-trace = 추적
doc-unit-user-month = 사용자-월
doc-unit-vcpu-hour = vCPU-시간

# 사용량을 AWS로 옮기는 방법(plan::mapping)
doc-map-cw-series-all = 활성 시계열 { $t_series }개 -> CloudWatch 사용자 지정 지표 { $t_metrics }개(시계열마다 하나; mapping.cloudwatch_series: all)
doc-map-cw-series-used = 활성 시계열 { $t_series }개 중 규칙이나 대시보드가 읽는 { $t_used }개 -> CloudWatch 사용자 지정 지표 { $t_metrics }개(mapping.cloudwatch_series: used)
doc-map-cw-requests = 지표 { $t_metrics }개 x { $interval }초마다 데이터 포인트 1개 x 월 { $seconds }초 / PutMetricData당 데이터 포인트 { $per_put }개 -> API 요청 { $t_requests }건
doc-map-cw-gmd = 월 대시보드 조회 { $t_views }회 x 조회당 지표 { $per_view }개 -> GetMetricData 지표 { $t_gmd }개
doc-map-cw-alarms = 알림 규칙 { $t_rules }개 x 규칙당 경보 지표 { $per_rule }개 -> 표준 분해능 CloudWatch 경보 지표 { $t_alarms }개(고분해능 경보와 복합 경보는 가정하지 않음)
doc-map-cw-recording = 기록 규칙 { $t_rules }개 -> 별도 CloudWatch 요금 없음(경보와 대시보드의 지표 수식이 됨)
doc-map-cw-dashboards = Grafana 대시보드 { $t_dashboards }개 -> CloudWatch 대시보드 { $t_cw }개
doc-map-amp-sps-measured = 측정된 초당 샘플 { $sps }개
doc-map-amp-sps = 활성 시계열 { $t_series }개 / 스크레이프 간격 { $interval }초 -> 초당 샘플 { $t_sps }개
doc-map-amp-ingested = 초당 샘플 { $t_sps }개 x 월 { $seconds }초 -> AMP 수집 샘플 { $t_samples }개(AMP는 규칙과 대시보드가 무엇을 읽든 수집한 모든 샘플에 요금을 부과하며, mapping.cloudwatch_series는 CloudWatch에만 적용)
doc-map-amp-stored = 초당 샘플 { $t_sps }개 x 86,400초 x 보존 { $days }일 x 샘플당 { $bytes }바이트 -> AMP 저장 { $t_gb } GB
doc-map-amp-qsp = 규칙 { $t_rules }개 x { $interval }초마다 평가 x 샘플 { $per_eval }개 + 대시보드 조회 { $t_views }회 x 샘플 { $per_view }개 -> AMP 처리된 쿼리 샘플 { $t_qsp }개
doc-map-amg = Grafana 편집자 { $t_editors }명과 뷰어 { $t_viewers }명 -> Amazon Managed Grafana 라이선스(대시보드 { $t_dashboards }개는 그대로 옮김)
doc-map-logs-gb = 월 로그 수집 { $t_gb } GB -> CloudWatch Logs 수집 { $t_ingested } GB(Standard 클래스)
doc-map-logs-lines = 월 로그 { $t_lines }줄 x 줄당 { $bytes }바이트 -> CloudWatch Logs 수집 { $t_ingested } GB(Standard 클래스)
doc-map-logs-stored = 월 { $t_gb } GB x 압축률 { $compression } x 보존 { $days }일 / 월 { $days_per_month }일 -> 보존 기간이 다 찼을 때 저장량 { $t_stored } GB(그때까지 늘어남)
doc-map-logs-insights = 로그 쿼리가 월 { $t_gb } GB 스캔 -> Logs Insights 스캔 데이터
doc-map-xray = 월 스팬 { $t_spans }개 / 추적당 스팬 { $per_trace }개 / Jaeger 보존 { $kept }% -> 추적된 요청 { $t_requests }건; X-Ray 샘플링 초당 { $reservoir }건 + 나머지의 { $rate }% -> 기록된 추적 { $t_traces }건
doc-map-xray-access = 월 추적 조회 { $t_viewed }건, 검색으로 스캔 { $t_scanned }건 -> X-Ray 추적 검색과 스캔
doc-map-rds-pinned = RDS 인스턴스 클래스 { $class }(mapping.rds.instance_class 설정으로 고정)
doc-map-rds-sized = 데이터베이스 { $t_size } GB, 초당 트랜잭션 { $t_tps }건, 연결 { $t_conns }개 -> vCPU { $vcpu }개(vCPU당 { $tps_per_vcpu } tps)와 메모리 { $memory } GB 필요 -> { $class }(vCPU { $class_vcpu }개, { $class_memory } GB), { $region }에 가격이 있는 가장 저렴한 적합 클래스
doc-map-rds-sized-skipped = 데이터베이스 { $t_size } GB, 초당 트랜잭션 { $t_tps }건, 연결 { $t_conns }개 -> vCPU { $vcpu }개(vCPU당 { $tps_per_vcpu } tps)와 메모리 { $memory } GB 필요 -> { $class }(vCPU { $class_vcpu }개, { $class_memory } GB), { $region }에 가격이 있는 가장 저렴한 적합 클래스(가격이 없어 건너뜀: { $skipped })
doc-map-rds-storage = RDS { $class } { $t_az }, { $storage_type } 스토리지 { $t_storage } GB({ $t_size } GB x 여유율 { $headroom }, 최소 20), 백업 스토리지 { $t_backup } GB
doc-map-cache-pinned = ElastiCache 노드 유형 { $node }(mapping.elasticache.node_type 설정으로 고정)
doc-map-cache-sized = Redis 사용 메모리 { $t_used } GB x 여유율 { $headroom } -> { $t_need } GB -> { $node }({ $node_memory } GB), { $region }에 가격이 있는 가장 저렴한 적합 노드 유형
doc-map-cache-sized-skipped = Redis 사용 메모리 { $t_used } GB x 여유율 { $headroom } -> { $t_need } GB -> { $node }({ $node_memory } GB), { $region }에 가격이 있는 가장 저렴한 적합 노드 유형(가격이 없어 건너뜀: { $skipped })
doc-map-cache-nodes = ElastiCache { $engine } { $node } x 노드 { $nodes }개(기본 1개 + 복제본 { $replicas }개)
doc-map-no-containers = usage.containers에 컨테이너가 없음 -> Fargate 작업 없음(컴퓨팅 사용량 알 수 없음)
doc-map-container = 컨테이너 { $name }: 최대 { $t_cores }코어, { $t_memory } GB x 여유율 { $headroom } -> Fargate 작업 vCPU { $vcpu }개 / { $task_memory } GB({ $arch }) x 작업 { $tasks }개, { $hours }시간
doc-map-container-pod = 컨테이너 { $name }: 최대 { $t_cores }코어, { $t_memory } GB x 여유율 { $headroom } + 포드 오버헤드 { $overhead } GB -> Fargate 작업 vCPU { $vcpu }개 / { $task_memory } GB({ $arch }) x 작업 { $tasks }개, { $hours }시간
doc-map-lb = 작업 앞단의 { $lb_type } 로드 밸런서 1개가 월 { $t_gb } GB 처리
doc-map-nat = 프라이빗 서브넷의 작업을 위한 NAT 게이트웨이 { $nats }개가 월 { $t_gb } GB 처리

# 참고 사항, 의사결정 트리, 계산 방법
doc-note-provisional = { $phase }단계: AWS 청구 항목 { $unknown }개의 사용량을 알 수 없어 AWS 비용은 하한값이고 판단은 잠정적입니다
doc-note-baseline-unknown = 자체 호스팅 기준에 사용량을 알 수 없는 청구 항목이 { $unknown }개 있어 비용은 하한값입니다
doc-note-cumulative = 단계는 누적됩니다. N단계에는 1~N단계에서 옮긴 모든 것이 들어가며, 일회성 비용은 1~N단계의 인건비(엔지니어 1주당 { $rate } = 1인당 월 인건비 x 12/52)와 병행 운영 비용의 합으로 0개월 차에 지출합니다
doc-note-growth = 분석 기간 동안 트래픽 성장은 인프라 비용 차이(그리고 다운타임 비용이 트래픽에 비례하면 다운타임 항목)를 키우며, 인건비와 개발 생산성은 그대로입니다
doc-tree-selected-agree = 트리({ $t_outcome })와 이 계획에 담긴 유일한 단계인 { $phase }단계의 ROI({ $t_decision }) 판단이 일치합니다
doc-tree-selected-disagree = 트리는 { $t_outcome }, 이 계획에 담긴 유일한 단계인 { $phase }단계의 ROI는 { $t_decision }입니다. 트리는 팀 규모, DAU, 운영 부담만 보고, ROI는 이 시나리오의 측정된 비용과 절감액을 봅니다
doc-short-history = 하루 미만의 이력(최소 { $history })으로 측정한 값은 한 달로 외삽되어 크게 틀릴 수 있습니다(월간 수치에는 최소 하루가 필요합니다): { $keys }. 서버에 하루치 데이터가 쌓인 뒤 다시 측정하세요
doc-diff-phase-only = { $phase }단계만 비교했습니다: { $old }에는 { $t_old_phases }, { $new }에는 { $t_new_phases }가 있습니다(계획에 담긴 단계에 따라 달라지는 ROI 최적 단계와 에이전트 경로는 비교하지 않음)
doc-diff-phases-differ = 두 계획에 담긴 단계가 다릅니다({ $old }: { $t_old_phases }, { $new }: { $t_new_phases }). 한쪽 계획에 없는 단계는 판단 변경이 아니라 없음으로 표시됩니다
phase-list-one = { $phase }단계
phase-list-range = { $first }~{ $last }단계
phase-list-some = { $phases }단계
doc-diff-scenarios-differ = 두 계획의 시나리오가 다릅니다({ $old }의 '{ $old_name }', { $new }의 '{ $new_name }'). 차이는 가격이나 obs-cost가 아니라 시나리오에서 올 수 있습니다
doc-tree-agree = 트리({ $t_outcome })와 ROI(최적 { $phase }단계: { $t_decision })의 판단이 일치합니다
doc-tree-disagree = 트리는 { $t_outcome }, ROI는 { $t_decision }(최적 { $phase }단계)입니다. 트리는 팀 규모, DAU, 운영 부담만 보고, ROI는 이 시나리오의 측정된 비용과 절감액을 봅니다
doc-tree-small-team = 팀 규모 { $engineers }명: { $max }명 이하 -> Docker Compose 유지
doc-tree-large-team = 팀 규모 { $engineers }명: { $max }명 초과 -> AWS 전환 고려
doc-tree-mid-team = 팀 규모 { $engineers }명: { $from }~{ $to }명 -> 트래픽 규모 확인
doc-tree-low-dau = DAU { $dau }: { $low } 미만 -> Docker Compose 유지
doc-tree-high-dau = DAU { $dau }: { $high } 이상 -> AWS 전환 필요
doc-tree-mid-dau = DAU { $dau }: { $low } 이상 { $high } 미만 -> 운영 부담 확인
doc-tree-manageable = 운영 부담: 감당 가능 -> Docker Compose 유지
doc-tree-burdensome = 운영 부담: 부담됨 -> 점진적 AWS 전환
doc-switch-method = DAU: 측정 시점(DAU { $dau })에서 사용량을 선형으로 늘리거나 줄였습니다. 시계열, 샘플, 로그 GB, 스팬, 데이터베이스 크기와 부하, Redis 메모리, 컨테이너 복제본 수, 네트워크 GB에 DAU / { $dau_again } 비율을 곱하고, AWS는 가격(구간)과 크기를 다시 계산하며, 자체 호스팅 비용은 선형으로 조정했습니다. DAU { $from }부터 { $to }까지 탐색했습니다(로그 간격 33개 지점 후 1 DAU 단위까지 이분 탐색). 팀 규모: 운영 인력은 팀에서 차지하는 비율({ $engineers }명 중 { $ops_fte })을 유지하고 인프라는 그대로이며, 엔지니어 { $team_min }명부터 { $team_max }명까지 탐색했습니다. 'net_1000' 지점은 즉시 전환 기준({ $threshold })을 씁니다.
doc-switch-method-downtime = DAU: 측정 시점(DAU { $dau })에서 사용량을 선형으로 늘리거나 줄였습니다. 시계열, 샘플, 로그 GB, 스팬, 데이터베이스 크기와 부하, Redis 메모리, 컨테이너 복제본 수, 네트워크 GB에 DAU / { $dau_again } 비율을 곱하고, AWS는 가격(구간)과 크기를 다시 계산하며, 자체 호스팅 비용과 분당 다운타임 비용은 선형으로 조정했습니다. DAU { $from }부터 { $to }까지 탐색했습니다(로그 간격 33개 지점 후 1 DAU 단위까지 이분 탐색). 팀 규모: 운영 인력은 팀에서 차지하는 비율({ $engineers }명 중 { $ops_fte })을 유지하고 인프라는 그대로이며, 엔지니어 { $team_min }명부터 { $team_max }명까지 탐색했습니다. 'net_1000' 지점은 즉시 전환 기준({ $threshold })을 씁니다.
doc-switch-method-limits = { $t_head } { $phase }단계: 이 단계의 가격을 계산할 수 없어 DAU { $dau } 아래에서 탐색을 멈췄습니다: { $reason }.
doc-curve-method = 월 총소유비용 = 인프라(AWS + 남은 자체 호스팅) + 운영 인력 + 다운타임 비용 - 개발 생산성 향상. 전부 자체 호스팅한 비용에서 단계의 비용을 뺀 값이 그 단계의 월 순이익이므로, 단계의 선은 그 단계의 DAU 전환 시점에서 자체 호스팅 선과 만납니다
doc-uncertainty-none = 시나리오에 {"{"}low, expected, high{"}"} 범위로 주어진 값이 없어(또는 uncertainty.samples가 0) 낮음 = 기댓값 = 높음입니다
doc-uncertainty-method = 표본 { $samples }개, 시드 { $seed }: 불확실한 값은 각각 삼각 분포(낮음, 기댓값, 높음)에서 뽑았습니다. 비즈니스 값은 ROI에 그대로 들어가고, 인프라 비용은 가정마다 그 낮은 값, 기댓값, 높은 값으로 다시 계산한 계획 사이를 보간합니다(가산적: 가격 구간을 통한 두 불확실한 사용량 값의 상호작용은 무시). 낮음과 높음은 10번째와 90번째 백분위수입니다. 토네이도는 가정을 한 번에 하나씩 낮은 끝과 높은 끝으로 두고 계획 전체를 다시 계산합니다.
doc-usage-measured = obs-cost measure로 측정(스냅샷 { $snapshot }): 측정값 { $measured }개, 시나리오 지정값 { $given }개(시나리오에 직접 쓴 값이 우선)
doc-usage-given = 시나리오에 지정
doc-top-metrics-method = 지표별로 더해지는 월 비용: 지표 워크로드를 그 지표의 시계열이 있을 때와 없을 때(활성 시계열에서 빼고 초당 샘플도 비례해 줄임)로 시나리오의 프리 티어 설정과 가격 구간에 따라 계산했습니다. CloudWatch에서는 시계열마다 사용자 지정 지표가 하나씩 되고(mapping.cloudwatch_series: all과 같음), Amazon Managed Prometheus에서는 샘플이 수집·저장됩니다.
doc-actual-error = (실제 - 예측) / 예측 x 100: 실제 사용량이 예측보다 많으면 양수
doc-actual-region = 실제 사용량은 { $actual }에서 읽었지만 계획은 { $plan } 가격으로 계산했습니다. 수량은 그대로 비교합니다
doc-actual-not-measured = 측정되지 않음: { $key }({ $service }.{ $field }). 스냅샷의 not_measured 항목을 보세요
doc-actual-nothing = { $phase }단계 { $t_name }: CloudWatch Logs, CloudWatch 지표, X-Ray 중 아직 AWS에 있는 것이 없어 비교할 것이 없습니다

## 숨은 비용, 크기 경고, 에이전트 경로, 사용되는 시계열에 관한 계획 문서의 문장

doc-item-public-ipv4 = 퍼블릭 IPv4 주소({ $name })
doc-item-s3-standard = S3 Standard 스토리지({ $name })
doc-item-s3-requests = S3 PUT, COPY, POST, LIST 요청({ $name })
doc-item-secrets = 보안 암호
doc-item-secrets-api = Secrets Manager API 요청
doc-item-sns-email = 이메일 알림
doc-item-sns-http = HTTP/S 알림
doc-item-vpce-hours = VPC 엔드포인트 시간({ $name }: 엔드포인트 { $endpoints }개 x AZ { $azs }개)
doc-item-vpce-processed = VPC 엔드포인트 데이터 처리({ $name })
doc-item-ecr-storage = 이미지 스토리지
doc-item-eks-hours = EKS 클러스터 시간({ $name })
doc-item-eks-extended = EKS 확장 지원({ $name })
doc-item-cross-az = 가용 영역 간 데이터 전송({ $name }, 송신 및 수신)
doc-item-rds-extended = DB 확장 지원({ $name }: { $t_period }, vCPU { $vcpu }개 x 인스턴스 { $count }개)
doc-map-sns-none = usage.alerting.notifications_per_month가 주어지지 않음 -> SNS 이메일 및 HTTP/S 전송 수를 알 수 없음(obs-cost measure는 Alertmanager의 alertmanager_notifications_total에서 읽음)
doc-map-sns = 월간 Alertmanager 알림: { $t_email_kinds } -> SNS 이메일 전송 { $email }건, { $t_http_kinds } -> SNS HTTP/S 전송 { $http }건(채팅·호출 웹후크는 HTTPS 구독이 됨). 매월 이메일 1,000건과 HTTP/S 전송 100,000건은 무료
doc-map-log-archive = 로그는 { $after }일이 지나면 S3로 내보내 { $keep }일까지 보관: 월 { $t_gb } GB x 압축률 { $ratio } x { $days }일 / 월 { $days_per_month }일 -> 아카이브가 다 차면 S3 Standard에 { $t_stored } GB(CloudWatch Logs는 mapping.log_retention_days 동안 자체 사본을 보관)
doc-map-pg-unknown = PostgreSQL 메이저 버전을 알 수 없음(usage.database.postgres_major_version, obs-cost measure는 postgres_exporter의 pg_static에서 읽음) -> RDS 확장 지원 비용을 알 수 없음
doc-map-pg-standard = { $date } 기준 PostgreSQL { $major } 버전은 RDS 표준 지원 기간({ $ends }까지) -> 확장 지원 요금 없음
doc-map-pg-extended = PostgreSQL { $major } 버전은 { $ended }에 RDS 표준 지원이 끝났고 { $date } 기준 RDS 확장 지원 { $t_period }({ $since }부터) -> 인스턴스와 대기 인스턴스의 vCPU-시간마다 요금 부과(메이저 버전을 올리면 피할 수 있음)
doc-map-pg-newer = PostgreSQL { $major } 버전은 obs-cost가 아는 RDS 지원 일정({ $known })보다 새 버전 -> 표준 지원으로 가정, 확장 지원 요금 없음
doc-map-cross-az = 애플리케이션과 { $t_what } 사이 월 { $t_gb } GB x 가용 영역을 넘는 비율 { $share }%(mapping.network.cross_az_share_percent) -> 한 AZ에서 나가 다른 AZ로 들어오는 { $t_crossing } GB에 요금 부과
doc-map-cross-az-missing = 애플리케이션과 { $t_what } 사이 월 { $t_gb } GB({ $path } 값을 주세요) x 가용 영역을 넘는 비율 { $share }%(mapping.network.cross_az_share_percent) -> 한 AZ에서 나가 다른 AZ로 들어오는 { $t_crossing } GB에 요금 부과
doc-map-cross-az-multi-az = { $t_head }. 다중 AZ 대기 인스턴스로의 복제에는 요금이 부과되지 않음
doc-map-ipv4-nat = 퍼블릭 IPv4 주소: NAT 게이트웨이용 { $nat }개, 인터넷 경계 ALB용 { $alb }개(AZ마다 하나) -> 주소-시간마다 요금 부과
doc-map-ipv4-tasks = 퍼블릭 IPv4 주소: 인터넷 경계 ALB용 { $alb }개(AZ마다 하나), 퍼블릭 서브넷의 작업용 { $t_tasks }개(작업마다 하나) -> 주소-시간마다 요금 부과
doc-map-ecr = 서비스 이미지 { $services }개 x { $image } GB x 보관 버전 { $kept }개 -> ECR에 { $gb } GB
doc-map-eks = EKS(mapping.compute.platform: eks): ECS 대신 클러스터 컨트롤 플레인 1개
doc-map-eks-extended = EKS(mapping.compute.platform: eks): ECS 대신 확장 지원 중인 Kubernetes 버전의 클러스터 컨트롤 플레인 1개(클러스터-시간마다 추가 요금)
doc-map-eks-fargate = Fargate 기반 EKS: 포드마다 Fargate 작업 하나, 각각 Kubernetes 에이전트(kubelet, kube-proxy)용 메모리 { $gb } GB 추가
doc-map-eks-nodes = EKS EC2 노드: 포드에 vCPU { $vcpu }개와 { $gb } GB 필요 -> { $node_type } { $nodes }대(각각 vCPU { $node_vcpu }개, { $node_gb } GB, AZ마다 최소 한 대), 노드마다 { $root_gb } GB gp3 루트 볼륨
doc-map-secrets-tasks = Secrets Manager 보안 암호 { $secrets }개(데이터베이스/캐시 자격 증명 { $stores }개 + 추가 { $extra }개, mapping.secrets_manager.additional_secrets), 월 { $deployments }회 배포마다 작업 { $t_tasks }개가 각각 읽음 -> API 요청 { $t_requests }건
doc-map-secrets-self = Secrets Manager 보안 암호 { $secrets }개(데이터베이스/캐시 자격 증명 { $stores }개 + 추가 { $extra }개, mapping.secrets_manager.additional_secrets), 컴퓨팅을 옮기기 전에는 API 요청 없음(자체 호스팅 앱이 자체 설정을 유지) -> API 요청 { $requests }건
doc-map-agents-public = 퍼블릭 서브넷의 작업(mapping.fargate.nat_gateways: 0): 에이전트가 인터넷 게이트웨이를 거쳐 CloudWatch, X-Ray, AMP에 무료로 연결
doc-map-agents-nat = 에이전트가 NAT 게이트웨이를 거쳐 AWS로 월 { $t_total } GB 전송({ $parts } GB, mapping.network.agents_via: nat) -> NAT 데이터 처리량 = 앱 송신 { $t_app } GB + 텔레메트리 { $t_telemetry } GB = { $t_nat } GB
doc-map-agents-vpce = 에이전트가 VPC 인터페이스 엔드포인트를 거쳐 AWS로 월 { $t_total } GB 전송({ $parts } GB, mapping.network.agents_via: vpc_endpoints): 엔드포인트 { $count }개({ $endpoints }) x AZ { $azs }개가 텔레메트리 GB를 처리하고, NAT 게이트웨이는 앱의 { $t_app } GB를 처리
doc-warn-skipped-one = { $phase }단계 { $t_workload }: 조건에 맞는 { $skipped }에 { $region } 가격이 없어 { $priced }로 계산했습니다. { $t_workload_again } 비용이 더 낮을 수 있으니 가격을 추가하거나(obs-cost pricing refresh --region { $region_again }) 시나리오의 mapping에서 크기를 고정하세요
doc-warn-skipped-many = { $phase }단계 { $t_workload }: 조건에 맞는 { $skipped } 모두 { $region } 가격이 없어 { $priced }로 계산했습니다. { $t_workload_again } 비용이 더 낮을 수 있으니 가격을 추가하거나(obs-cost pricing refresh --region { $region_again }) 시나리오의 mapping에서 크기를 고정하세요
doc-warn-search-stop = { $t_phases }단계의 전환 시점 탐색이 DAU { $dau }에서 멈췄습니다. 이 지점에서는 { $t_workload } 크기에 가격을 매길 수 없습니다: { $reason }. DAU 전환 시점은 { $t_upto }까지만 유효합니다
doc-agents = AWS로 가는 에이전트 트래픽({ $phase }단계): { $endpoints }(으)로 가는 월 { $t_gb } GB는 NAT 게이트웨이를 거치면 월 { $t_nat }, AZ { $azs }개의 VPC 인터페이스 엔드포인트 { $count }개를 거치면 월 { $t_vpce }입니다. { $t_verdict }. 이 계획은 { $t_way }를 거쳐 보냅니다(mapping.network.agents_via: { $via }).
doc-agents-nat-cheaper = NAT 게이트웨이가 { $amount } 더 저렴합니다
doc-agents-vpce-cheaper = 엔드포인트가 { $amount } 더 저렴합니다
doc-agents-unknown = 어느 쪽이 저렴한지는 알 수 없는 전송량에 달려 있습니다
doc-used-method = 사용되지 않는 시계열은 모든 시계열을 보낼 때 사용되는 시계열만 보낼 때보다 더해지는 부분입니다. CloudWatch에서는 사용되는 수와 활성 수 사이의 사용자 지정 지표, 즉 가격 구간의 가장 위쪽입니다. 그 비용은 지표 워크로드를 두 방식(사용자 지정 지표와 PutMetricData 요청, 시나리오의 프리 티어와 가격 구간 적용)으로 계산한 차이이며, 사용되지 않는 지표마다 시계열 수에 비례해 몫을 나눕니다. 즉 그 구간의 평균 가격이며, 모든 시계열의 평균(사용되는 시계열이 이미 채운 프리 티어와 앞 구간까지 매기게 됨)도, 합계가 닿는 구간의 한계 가격(구간이 여러 가격 구간에 걸치면 적게 셈)도 아닙니다. Amazon Managed Prometheus는 누가 읽든 모든 샘플을 수집하고 저장하므로, 사용되지 않는 시계열의 비용은 모든 샘플로 계산한 AMP 비용에서 사용되는 시계열 몫의 샘플(시계열 수에 비례)로 계산한 AMP 비용을 뺀 값이며, 같은 방식으로 나눕니다. 몫은 센트 단위로 반올림해 행의 합이 두 합계와 정확히 맞게 했습니다. 컴퓨팅을 AWS로 옮기는 단계부터는 단계의 '모든 시계열 - 사용되는 시계열' 차이에 이 시계열의 데이터 포인트가 CloudWatch로 가며 만드는 에이전트 트래픽(NAT 게이트웨이 데이터 처리량 또는 VPC 엔드포인트 GB)도 들어가며, 이 부분은 여기서 지표별로 나누지 않습니다.
doc-used-note = 알림 규칙 { $alerts }개, 대시보드 { $dashboards }개의 대시보드 쿼리 { $queries }개와 변수 쿼리 { $variables }개, 그리고 이들이 읽는 기록 규칙 { $read }개(전체 { $recordings }개 중, 그 출력은 이때만 사용되는 것으로 셈)가 읽는 이름; `at` 시점에 이름별로 센 시계열 { $counted }개 중 { $used }개({ $batches }회 배치)
doc-used-note-no-dashboard = { $t_head }; 읽은 대시보드 없음(--grafana URL 또는 --grafana-dashboards DIR를 주세요): 규칙만 반영
doc-used-more-than-active = 사용되는 시계열({ $used }개)이 활성 시계열({ $active }개)보다 많습니다. 서로 다른 시점에 센 값이므로 사용되지 않는 시계열은 0개, 그 비용은 알 수 없음으로 봅니다
doc-used-listed-more = 나열된 사용되지 않는 지표의 시계열은 { $listed }개로, 활성 시계열에서 사용되는 시계열을 뺀 값({ $unused }개)보다 많습니다. 서로 다른 시점에 센 값이므로 몫은 나열된 { $listed_again }개를 기준으로 나눕니다

## 용어(`atom-*`): 문장과 칸 안에 홀로 쓰이는 낱말

atom-unknown = 알 수 없음
atom-multi-az = 다중 AZ
atom-single-az = 단일 AZ
atom-monitoring = 모니터링
atom-logs = 로그
atom-data = 데이터
atom-compute = 컴퓨팅
atom-full = 완전 전환
atom-metrics = 지표
atom-traces = 추적
atom-database = 데이터베이스
atom-cache = 캐시
atom-manageable = 감당 가능
atom-burdensome = 부담됨
atom-cloudwatch = CloudWatch
atom-managed-prometheus = Managed Prometheus
atom-keep-compose = Docker Compose 유지
atom-consider-aws = AWS 전환 고려
atom-migrate-to-aws = AWS 전환 필요
atom-gradual-migration = 점진적 AWS 전환
atom-migrate-now = 즉시 전환
atom-migrate-gradually = 점진적 전환
atom-stay = 현상 유지
atom-confirmed = 확인됨
atom-unconfirmed = 미확인
atom-derived = 파생
list-and = { $rest }, { $last }
atom-years-1-2 = 1~2년 차
atom-year-3 = 3년 차
atom-pg-major-unknown = PostgreSQL 메이저 버전 알 수 없음
atom-none = 없음
atom-the-nat-gateway = NAT 게이트웨이
atom-the-endpoints = 엔드포인트
atom-no-dau = DAU 없음

## 계획 비교(`plan --compare-to`, `scenarios check`에서 골든 파일이 다를 때)

col-delta-aws = Δ AWS
col-delta-self-hosted = Δ 자체 호스팅
col-net-benefit-per-month = 순이익/월
col-delta-net = Δ 순이익
col-side = 구분
col-old-per-month = 이전/월
col-new-per-month = 현재/월
col-delta = Δ
col-price = 가격
col-old = 이전
col-new = 현재
col-change = 변화
diff-added = 추가됨
diff-removed = 제거됨
diff-price-per = { $unit }당 { $price }
diff-side = { $label }(요금표 { $book }, 스냅샷 { $snapshot })
diff-none = 차이 없음.
diff-summary = 단계 { $phases }개 변경, 판단 { $flips }개 바뀜, 가격 { $prices }개 변동, 전체에서 필드 { $fields }개가 다름.
diff-summary-tree = 단계 { $phases }개 변경, 판단 { $flips }개 바뀜, 가격 { $prices }개 변동, 전체에서 필드 { $fields }개가 다름; 의사결정 트리의 결과도 바뀜.
diff-title = 계획 비교: { $heading }
diff-warning = 경고: { $warning }.
diff-tree = 의사결정 트리: { $change }
diff-baseline = 자체 호스팅 기준: { $change }
diff-services = 서비스:
diff-moved-prices = 변동된 가격:
diff-fields = 다른 필드({ $fields }개):
diff-more-fields = ... 외 { $more }개(--format json에 모두 나옴)
md-diff-tree = **의사결정 트리:** { $change }
md-diff-baseline = **자체 호스팅 기준:** { $change }
md-diff-services = 서비스
md-diff-moved-prices = 변동된 가격
md-diff-fields = 다른 필드 { $fields }개
md-diff-more-fields = … 외 { $more }개
atom-side-aws = AWS
atom-side-self-hosted = 자체 호스팅
